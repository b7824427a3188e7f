package io.gatehouse.customer;

import io.gatehouse.account.Account;
import io.gatehouse.account.Usernames;
import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.routes.ApiRoutes;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/customers/check-username/{username}} (docs/contract.md §3). Order: rate
 * limits, the path username, {@code x-username}, then one lookup; what the answer shows
 * depends on who asks. The answer is the body alone, not a {@code ResponseEntity}: its
 * {@code Cache-Control: no-store} comes from {@code request/RequestIdFilter}, as on every
 * {@code /api/**} answer, and Spring MVC's entity handling (a generic type resolved,
 * headers copied, a conditional-request check) cost about 4 % of every check
 * (docs/benchmarks.md).
 */
@RestController
@Tag(name = "customers")
class UsernameCheckController {

	static final String USERNAME_HEADER = "x-username";

	private final CheckRateLimits rateLimits;

	private final ProfileRepository profiles;

	UsernameCheckController(CheckRateLimits rateLimits, ProfileRepository profiles) {
		this.rateLimits = rateLimits;
		this.profiles = profiles;
	}

	@GetMapping(path = ApiRoutes.CHECK_USERNAME_ROUTE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Whether a username exists, and the caller's own record in full",
			description = "The subject itself or a customers:read session sees every field; anyone else only "
					+ "exists (the other fields null or false). Rate-limited per session and per client address.")
	UsernameCheck check(@PathVariable String username,
			@Parameter(in = ParameterIn.HEADER,
					description = "The same username as the path (400 invalid-header "
							+ "when missing, 400 username-mismatch when different)",
					required = true) @RequestHeader(name = USERNAME_HEADER, required = false) String headerUsername,
			@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
		Caller caller = Caller.of(jwt);
		this.rateLimits.consume(caller, request);
		String normalized = Usernames.normalize(username);
		if (normalized == null) {
			throw new ApiException(ErrorCode.INVALID_USERNAME, "path username invalid");
		}
		if (headerUsername == null || headerUsername.isEmpty()) {
			throw new ApiException(ErrorCode.INVALID_HEADER, "x-username missing");
		}
		if (!normalized.equals(Usernames.normalize(headerUsername))) {
			throw new ApiException(ErrorCode.USERNAME_MISMATCH, "x-username differs from the path");
		}
		return this.profiles.findByUsername(normalized)
			.map((profile) -> mayReadFully(caller, normalized) ? profile.fullCheck() : UsernameCheck.existsOnly())
			.orElse(UsernameCheck.UNKNOWN);
	}

	/**
	 * Everything below the check path that is not one segment (an empty name, a raw
	 * slash): still a username, just never a valid one.
	 */
	@Hidden
	@GetMapping(path = { ApiRoutes.CHECK_USERNAME + "**", "/api/customers/check-username" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	UsernameCheck malformed(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
		this.rateLimits.consume(Caller.of(jwt), request);
		throw new ApiException(ErrorCode.INVALID_USERNAME, "path username malformed");
	}

	private static boolean mayReadFully(Caller caller, String username) {
		return username.equals(Usernames.normalize(caller.username())) || caller.hasScope(Account.CUSTOMERS_READ_SCOPE);
	}

}
