package io.gatehouse.auth;

import java.io.IOException;
import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public halves of the signing keys (current and previous), so anyone can
 * verify our access tokens. Public parts only: the set is built from
 * {@code toPublicJWK()}, never from the private keys.
 *
 * <p>
 * The keys are fixed while the server runs, so the JSON is written once, by the same
 * mapper as every other answer, and each request sends those bytes straight to the
 * response, with the headers a {@code ResponseEntity} would have given: Spring MVC's
 * entity handling and message converters are work this answer does not need
 * (docs/benchmarks.md, eighth session). Routing still answers 406 to an {@code Accept}
 * without JSON.
 */
@RestController
class JwksController {

	private static final String CACHE_CONTROL = CacheControl.maxAge(Duration.ofMinutes(5))
		.cachePublic()
		.getHeaderValue();

	private final byte[] jwks;

	JwksController(SigningKeys keys, JsonMapper json) {
		this.jwks = json.writeValueAsBytes(keys.publicKeys().toJSONObject(true));
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "200", description = "The public signing keys, a JWK Set (RFC 7517)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
	void jwks(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(this.jwks.length);
		response.getOutputStream().write(this.jwks);
	}

}
