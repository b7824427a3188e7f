package io.gatehouse.auth;

import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public halves of the signing keys (current and previous), so anyone can
 * verify our access tokens. Public parts only: the set is built from
 * {@code toPublicJWK()}, never from the private keys.
 *
 * <p>
 * The keys are fixed while the server runs, so the JSON is written once, by the same
 * mapper as every other answer, and each request sends those bytes (docs/benchmarks.md).
 */
@RestController
class JwksController {

	private final byte[] jwks;

	JwksController(SigningKeys keys, JsonMapper json) {
		this.jwks = json.writeValueAsBytes(keys.publicKeys().toJSONObject(true));
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.jwks);
	}

}
