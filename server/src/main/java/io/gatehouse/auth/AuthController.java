package io.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatehouse.account.Account;
import io.gatehouse.account.Usernames;
import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.FieldProblem;
import io.gatehouse.ratelimit.RateLimitProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;
import io.gatehouse.request.ClientAddressResolver;
import io.gatehouse.routes.ApiRoutes;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoints of docs/contract.md §2: guest, password login, refresh and logout.
 * Inside each, the contract's order: rate limit, then the request's own fields, then the
 * rest.
 */
@RestController
class AuthController {

	/** {@code deviceToken}: optional, from an earlier login's token response. */
	record LoginRequest(String username, String password, String deviceToken) {

		/** Never the password or the device token, should the request ever be logged. */
		@Override
		public String toString() {
			return "LoginRequest[username=" + this.username + ", password=***, deviceToken=***]";
		}

	}

	record RefreshRequest(String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[refreshToken=***]";
		}

	}

	private final TokenGrants grants;

	private final LoginAttempts logins;

	private final RefreshTokenRotation rotation;

	private final SessionRevoker revoker;

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	private final ClientAddressResolver addresses;

	private final AuditLog audit;

	AuthController(TokenGrants grants, LoginAttempts logins, RefreshTokenRotation rotation, SessionRevoker revoker,
			RateLimiter limiter, RateLimitProperties limits, ClientAddressResolver addresses, AuditLog audit) {
		this.audit = audit;
		this.grants = grants;
		this.logins = logins;
		this.rotation = rotation;
		this.revoker = revoker;
		this.limiter = limiter;
		this.limits = limits;
		this.addresses = addresses;
	}

	@PostMapping(path = ApiRoutes.GUEST, produces = MediaType.APPLICATION_JSON_VALUE)
	TokenResponse guest(HttpServletRequest request) {
		Verdict verdict = this.limiter.consume("guest-address:" + this.addresses.resolve(request),
				this.limits.guestTokensPerAddress());
		if (!verdict.allowed()) {
			throw ApiException.retryAfter(ErrorCode.RATE_LIMITED, verdict.retryAfter());
		}
		return this.grants.guest(request);
	}

	@PostMapping(path = ApiRoutes.TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
	TokenResponse token(@RequestBody LoginRequest body, HttpServletRequest request) {
		LoginClient client = this.logins.identify(request, body.username(), body.deviceToken());
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "username", body.username());
		requireText(problems, "password", body.password());
		if (!problems.isEmpty()) {
			throw ApiException.validationFailed(problems);
		}
		String username = Usernames.normalize(body.username());
		Account account = this.logins.authenticate(request, client, username, body.password());
		return this.grants.password(account).withDeviceToken(this.logins.newDeviceToken(account));
	}

	@PostMapping(path = ApiRoutes.REFRESH, produces = MediaType.APPLICATION_JSON_VALUE)
	TokenResponse refresh(@RequestBody RefreshRequest body, HttpServletRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "refreshToken", body.refreshToken());
		if (!problems.isEmpty()) {
			throw ApiException.validationFailed(problems);
		}
		return this.rotation.rotate(body.refreshToken(), request);
	}

	@PostMapping(ApiRoutes.LOGOUT)
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
		Caller caller = Caller.of(jwt);
		this.revoker.revoke(caller.sessionId(), caller.subject(), String.join(" ", caller.scopes()),
				SessionRevoker.LOGOUT);
		this.audit.record(AuditEventType.LOGOUT, request, caller.subject(), caller.sessionId(), Map.of());
		return ResponseEntity.noContent().build();
	}

	private static void requireText(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isEmpty()) {
			problems.add(FieldProblem.of(field, "required"));
		}
	}

}
