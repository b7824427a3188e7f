package io.gatehouse.bench.textbook;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two endpoints every tutorial shows: {@code /secure} answers the caller's own record
 * (the counterpart of Gatehouse's username check as the user), {@code /ping} answers
 * anyone (the counterpart of Gatehouse's {@code /.well-known/jwks.json}, and what
 * bench/side-by-side.sh polls to time the start-up).
 */
@RestController
class SecureController {

	private final CustomerController customers;

	SecureController(CustomerController customers) {
		this.customers = customers;
	}

	@GetMapping("/secure")
	CustomerController.CustomerCheck secure(@AuthenticationPrincipal Jwt jwt) {
		return this.customers.checkUsername(jwt.getSubject());
	}

	@GetMapping("/ping")
	String ping() {
		return "pong";
	}

}
