package io.gatehouse.registration;

import java.util.List;
import java.util.Map;

import io.gatehouse.account.Account;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.account.Usernames;
import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.auth.Caller;
import io.gatehouse.customer.UsernameCheck;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.FieldProblem;
import io.gatehouse.routes.ApiRoutes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/register}: creates an account from a guest (or user) session. It
 * does not log in; the client calls {@code /api/auth/token} next. Order: rate limits, the
 * fields, a taken name, and only then the hash.
 */
@RestController
@Tag(name = "auth")
class RegistrationController {

	private final RegistrationRules rules;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final RegistrationRateLimits rateLimits;

	private final AuditLog audit;

	RegistrationController(RegistrationRules rules, AccountRepository accounts, PasswordEncoder passwordEncoder,
			RegistrationRateLimits rateLimits, AuditLog audit) {
		this.rules = rules;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.rateLimits = rateLimits;
		this.audit = audit;
	}

	@PostMapping(path = ApiRoutes.REGISTER, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a new account",
			description = "Answers the new account's full username-check record. Does not log in.")
	UsernameCheck register(@RequestBody RegistrationRequest request, @AuthenticationPrincipal Jwt jwt,
			HttpServletRequest http) {
		Caller caller = Caller.of(jwt);
		this.rateLimits.consume(caller, http);
		List<FieldProblem> problems = this.rules.problems(request);
		if (!problems.isEmpty()) {
			throw ApiException.validationFailed(problems);
		}
		String username = Usernames.normalize(request.username());
		if (this.accounts.findByUsername(username).isPresent()) {
			// Before the slow hash: a taken name costs one query, not an Argon2id.
			throw new ApiException(ErrorCode.USERNAME_TAKEN, "username taken");
		}
		String hash = this.passwordEncoder.encode(request.password());
		try {
			Account account = this.accounts.insert(username, request.email(), request.phone(), hash,
					Account.USER_SCOPE);
			this.audit.record(AuditEventType.REGISTERED, http, username, caller.sessionId(), Map.of());
			// The full record of an account without a customer, as the username check
			// answers it.
			return new UsernameCheck(true, false, null, null, account.email(), account.phone(), null, false);
		}
		catch (DuplicateKeyException ex) {
			// The unique index decides races: of two registrations of one name, one wins.
			throw new ApiException(ErrorCode.USERNAME_TAKEN, "username taken");
		}
	}

}
