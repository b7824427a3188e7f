package io.gatehouse.csrf;

import io.gatehouse.auth.Caller;
import io.gatehouse.csrf.CsrfTokens.IssuedCsrfToken;
import io.gatehouse.routes.ApiRoutes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/auth/csrf-token}: a CSRF token bound to the caller's session. */
@RestController
@Tag(name = "auth")
class CsrfTokenController {

	private final CsrfTokens tokens;

	CsrfTokenController(CsrfTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping(path = ApiRoutes.CSRF_TOKEN, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A CSRF token bound to the caller's session",
			description = "Send it as x-csrf-token on every other call that carries a bearer token.")
	IssuedCsrfToken csrfToken(@AuthenticationPrincipal Jwt jwt) {
		return this.tokens.issue(Caller.of(jwt).sessionId());
	}

}
