package io.gatehouse.customer;

import java.util.UUID;

import io.gatehouse.account.Account;
import io.gatehouse.account.AccountRepository;
import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.routes.ApiRoutes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Onboarding: {@code POST /api/customers} creates the caller's customer profile once,
 * {@code PUT /api/customers/me/pin} sets its PIN. Checks run in the contract's order: the
 * request's fields, then the caller's rights, then its state.
 */
@RestController
@Tag(name = "customers")
class CustomerController {

	private final AccountRepository accounts;

	private final ProfileRepository profiles;

	private final StripeCustomers stripe;

	private final PasswordEncoder passwordEncoder;

	CustomerController(AccountRepository accounts, ProfileRepository profiles, StripeCustomers stripe,
			PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.profiles = profiles;
		this.stripe = stripe;
		this.passwordEncoder = passwordEncoder;
	}

	@PostMapping(path = ApiRoutes.CUSTOMERS, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create the caller's customer profile (idempotent)",
			description = "201 with the caller's username-check record when created, 200 with the same record "
					+ "when it existed already.")
	ResponseEntity<UsernameCheck> create(@AuthenticationPrincipal Jwt jwt) {
		Account account = userAccount(Caller.of(jwt));
		// The primary key (account id) decides a race: only the winner asks Stripe.
		boolean created = this.profiles.createCustomer(account.id(), UUID.randomUUID());
		if (created) {
			this.stripe.createCustomer(account)
				.ifPresent((stripeId) -> this.profiles.setStripeCustomerId(account.id(), stripeId));
		}
		UsernameCheck body = this.profiles.findByUsername(account.username()).orElseThrow().fullCheck();
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	@PutMapping(ApiRoutes.PIN)
	@Operation(summary = "Set the PIN of the caller's customer profile",
			description = "4-6 digits, not one repeated digit, not a straight run; stored only as a slow hash.")
	ResponseEntity<Void> setPin(@RequestBody PinRequest request, @AuthenticationPrincipal Jwt jwt) {
		if (!Pins.isAcceptable(request.pin())) {
			throw new ApiException(ErrorCode.WEAK_PIN, "weak PIN");
		}
		Account account = userAccount(Caller.of(jwt));
		if (!this.profiles.setPinHash(account.id(), this.passwordEncoder.encode(request.pin()))) {
			throw new ApiException(ErrorCode.CUSTOMER_REQUIRED, "no customer profile yet");
		}
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

	/** The body of {@code PUT /api/customers/me/pin}. */
	record PinRequest(String pin) {

		@Override
		public String toString() {
			return "PinRequest[pin=***]";
		}

	}

}
