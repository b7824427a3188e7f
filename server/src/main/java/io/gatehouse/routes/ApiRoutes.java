package io.gatehouse.routes;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.gatehouse.request.ApiRequests;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static io.gatehouse.errors.ErrorCode.CUSTOMER_REQUIRED;
import static io.gatehouse.errors.ErrorCode.FORBIDDEN;
import static io.gatehouse.errors.ErrorCode.INVALID_CREDENTIALS;
import static io.gatehouse.errors.ErrorCode.INVALID_REFRESH_TOKEN;
import static io.gatehouse.errors.ErrorCode.INVALID_REQUEST;
import static io.gatehouse.errors.ErrorCode.INVALID_USERNAME;
import static io.gatehouse.errors.ErrorCode.PIN_INVALID;
import static io.gatehouse.errors.ErrorCode.RATE_LIMITED;
import static io.gatehouse.errors.ErrorCode.REFRESH_TOKEN_REUSED;
import static io.gatehouse.errors.ErrorCode.USERNAME_MISMATCH;
import static io.gatehouse.errors.ErrorCode.USERNAME_TAKEN;
import static io.gatehouse.errors.ErrorCode.VALIDATION_FAILED;
import static io.gatehouse.errors.ErrorCode.WEAK_PIN;

/**
 * Every operation of the API, once: its path, who may call it, whether it needs a CSRF
 * token, and its notable failures. The controllers map the paths named here; the security
 * chain reads {@link #tokenGrants()}, the CSRF filter {@link #csrfExempt()}, and the
 * OpenAPI description {@link #find(String)}.
 */
public final class ApiRoutes {

	public static final String GUEST = "/api/auth/guest";

	public static final String TOKEN = "/api/auth/token";

	public static final String REFRESH = "/api/auth/refresh";

	public static final String LOGOUT = "/api/auth/logout";

	public static final String LOGOUT_ALL = "/api/auth/logout-all";

	public static final String CSRF_TOKEN = "/api/auth/csrf-token";

	public static final String REGISTER = "/api/auth/register";

	/**
	 * The username check's prefix; the username follows. A path refused before routing
	 * under it is still a bad username (docs/contract.md §3).
	 */
	public static final String CHECK_USERNAME = "/api/customers/check-username/";

	/**
	 * The username check's route: its controller, its line below and the hot-route
	 * shortcut (pipeline/HotRouteHandlerMapping) name the same template.
	 */
	public static final String CHECK_USERNAME_ROUTE = CHECK_USERNAME + "{username}";

	public static final String CUSTOMERS = "/api/customers";

	public static final String PIN = "/api/customers/me/pin";

	/** docs/contract.md §2, §3 and §5, one line per operation. */
	public static final List<ApiRoute> ALL = List.of(ApiRoute.grant(HttpMethod.POST, GUEST, RATE_LIMITED),
			ApiRoute.grant(HttpMethod.POST, TOKEN, INVALID_REQUEST, INVALID_CREDENTIALS, RATE_LIMITED),
			ApiRoute.grant(HttpMethod.POST, REFRESH, INVALID_REQUEST, INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED),
			ApiRoute.bearer(HttpMethod.POST, LOGOUT), ApiRoute.user(HttpMethod.POST, LOGOUT_ALL, FORBIDDEN),
			ApiRoute.bearer(HttpMethod.GET, CSRF_TOKEN).withoutCsrf(),
			ApiRoute.bearer(HttpMethod.POST, REGISTER, INVALID_REQUEST, VALIDATION_FAILED, USERNAME_TAKEN),
			ApiRoute.bearer(HttpMethod.GET, CHECK_USERNAME_ROUTE, INVALID_USERNAME, USERNAME_MISMATCH, RATE_LIMITED),
			ApiRoute.user(HttpMethod.POST, CUSTOMERS, FORBIDDEN), ApiRoute.user(HttpMethod.PUT, PIN, INVALID_REQUEST,
					WEAK_PIN, PIN_INVALID, FORBIDDEN, CUSTOMER_REQUIRED, RATE_LIMITED));

	private static final RequestMatcher TOKEN_GRANTS = matcherOf(ALL.stream().filter((route) -> !route.needsBearer()));

	private static final RequestMatcher CSRF_EXEMPT = matcherOf(
			ALL.stream().filter((route) -> route.needsBearer() && !route.csrf()));

	private ApiRoutes() {
	}

	/** The operations that need no bearer token, as routing matches them (decoded). */
	public static RequestMatcher tokenGrants() {
		return TOKEN_GRANTS;
	}

	/** The bearer operations that need no CSRF token, as routing matches them. */
	public static RequestMatcher csrfExempt() {
		return CSRF_EXEMPT;
	}

	/** The route of {@code "METHOD /path/{template}"}, if declared. */
	public static Optional<ApiRoute> find(String key) {
		return ALL.stream().filter((route) -> route.key().equals(key)).findFirst();
	}

	private static RequestMatcher matcherOf(Stream<ApiRoute> routes) {
		return new OrRequestMatcher(routes.map((route) -> ApiRequests.matcher(route.method(), route.path()))
			.toArray(RequestMatcher[]::new));
	}

}
