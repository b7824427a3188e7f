package io.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;

import io.gatehouse.account.Usernames;
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

	record LoginRequest(String username, String password) {
	}

	record RefreshRequest(String refreshToken) {
	}

	private final TokenGrants grants;

	private final LoginAttempts logins;

	private final RefreshTokenRotation rotation;

	private final SessionRevoker revoker;

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	private final ClientAddressResolver addresses;

	AuthController(TokenGrants grants, LoginAttempts logins, RefreshTokenRotation rotation, SessionRevoker revoker,
			RateLimiter limiter, RateLimitProperties limits, ClientAddressResolver addresses) {
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
		return this.grants.guest();
	}

	@PostMapping(path = ApiRoutes.TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
	TokenResponse token(@RequestBody LoginRequest body, HttpServletRequest request) {
		String address = this.addresses.resolve(request);
		this.logins.checkAddress(address);
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "username", body.username());
		requireText(problems, "password", body.password());
		if (!problems.isEmpty()) {
			throw ApiException.validationFailed(problems);
		}
		String username = Usernames.normalize(body.username());
		return this.grants.password(this.logins.authenticate(address, username, body.password()));
	}

	@PostMapping(path = ApiRoutes.REFRESH, produces = MediaType.APPLICATION_JSON_VALUE)
	TokenResponse refresh(@RequestBody RefreshRequest body) {
		List<FieldProblem> problems = new ArrayList<>();
		requireText(problems, "refreshToken", body.refreshToken());
		if (!problems.isEmpty()) {
			throw ApiException.validationFailed(problems);
		}
		return this.rotation.rotate(body.refreshToken());
	}

	@PostMapping(ApiRoutes.LOGOUT)
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		this.revoker.revoke(caller.sessionId(), caller.subject(), String.join(" ", caller.scopes()),
				SessionRevoker.LOGOUT);
		return ResponseEntity.noContent().build();
	}

	private static void requireText(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isEmpty()) {
			problems.add(FieldProblem.of(field, "required"));
		}
	}

}
