package io.gatehouse.request;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Whether a request is under {@code /api}, decided as Spring Security's matchers and
 * Spring MVC's routing decide it (each path segment percent-decoded as UTF-8:
 * {@code /%61pi/x} is {@code /api/x}). Every filter that guards the API asks here, so no
 * encoded spelling of a path reaches a controller around one of them.
 */
public final class ApiRequests {

	private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private ApiRequests() {
	}

	/**
	 * Whether the request is under {@code /api}, raw or decoded. Only a path with a
	 * percent-escape or a path parameter ({@code ;}), or one below a context path, can
	 * look different to the matcher than it does raw: only such a path goes to the
	 * matcher, and every other answer is read from the raw path. The JWK set, the web
	 * page and health pass several filters that ask (docs/benchmarks.md);
	 * {@code ApiRequestsTests} compares both ways on generated paths.
	 */
	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/api/")) {
			return true;
		}
		if (path.indexOf('%') < 0 && path.indexOf(';') < 0 && request.getContextPath().isEmpty()) {
			return path.equals("/api");
		}
		return API.matches(request);
	}

	/** A matcher of {@code method} and {@code path} as routing sees them (decoded). */
	public static RequestMatcher matcher(HttpMethod method, String path) {
		return PathPatternRequestMatcher.withDefaults().matcher(method, path);
	}

}
