package io.gatehouse.customer;

import java.util.Map;
import java.util.UUID;

import io.gatehouse.account.Account;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.routes.ApiRoutes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Onboarding: {@code POST /api/customers} creates the caller's customer profile once,
 * {@code PUT /api/customers/me/pin} sets its PIN ({@link PinChange}: changing it needs
 * the current one). Checks run in the contract's order: the request's fields, then the
 * caller's rights, then its state.
 */
@RestController
@Tag(name = "customers")
class CustomerController {

	private final AccountRepository accounts;

	private final ProfileRepository profiles;

	private final StripeCustomers stripe;

	private final PinChange pinChange;

	private final AuditLog audit;

	CustomerController(AccountRepository accounts, ProfileRepository profiles, StripeCustomers stripe,
			PinChange pinChange, AuditLog audit) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.stripe = stripe;
		this.pinChange = pinChange;
		this.audit = audit;
	}

	@PostMapping(path = ApiRoutes.CUSTOMERS, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create the caller's customer profile (idempotent)",
			description = "201 with the caller's username-check record when created, 200 with the same record "
					+ "when it existed already.")
	ResponseEntity<UsernameCheck> create(@AuthenticationPrincipal Jwt jwt, HttpServletRequest http) {
		Caller caller = Caller.of(jwt);
		Account account = userAccount(caller);
		// The primary key (account id) decides a race: only the winner asks Stripe.
		boolean created = this.profiles.createCustomer(account.id(), UUID.randomUUID());
		if (created) {
			this.audit.record(AuditEventType.PROFILE_CREATED, http, caller.subject(), caller.sessionId(), Map.of());
			this.stripe.createCustomer(account)
				.ifPresent((stripeId) -> this.profiles.setStripeCustomerId(account.id(), stripeId));
		}
		UsernameCheck body = this.profiles.findByUsername(account.username()).orElseThrow().fullCheck();
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	@PutMapping(ApiRoutes.PIN)
	@Operation(summary = "Set the PIN of the caller's customer profile",
			description = "4-6 digits, not one repeated digit, not a straight run; stored only as a slow hash. "
					+ "Once a PIN is set, changing it needs the current one in currentPin (403 pin-invalid).")
	ResponseEntity<Void> setPin(@RequestBody PinRequest request, @AuthenticationPrincipal Jwt jwt,
			HttpServletRequest http) {
		Caller caller = Caller.of(jwt);
		this.pinChange.checkLimit(caller, http);
		if (!Pins.isAcceptable(request.pin())) {
			throw new ApiException(ErrorCode.WEAK_PIN, "weak PIN");
		}
		Account account = userAccount(caller);
		this.pinChange.set(account, caller, request.pin(), request.currentPin(), http);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The caller's account; guests (and sessions of a vanished account) may not onboard.
	 */
	private Account userAccount(Caller caller) {
		if (caller.isGuest() || caller.username() == null) {
			throw new ApiException(ErrorCode.FORBIDDEN, "guest session");
		}
		return this.accounts.findByUsername(caller.username())
			.orElseThrow(() -> new ApiException(ErrorCode.FORBIDDEN, "no such account"));
	}

	/**
	 * The body of {@code PUT /api/customers/me/pin}; {@code currentPin} is needed once a
	 * PIN is set.
	 */
	record PinRequest(String pin, String currentPin) {

		@Override
		public String toString() {
			return "PinRequest[pin=***, currentPin=***]";
		}

	}

}
