package io.gatehouse.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a recorded request the way the server does: the signature over the payload, and
 * the payload against the request line, body and bearer token actually received.
 */
final class WireAssertions {

	private WireAssertions() {
	}

	static JsonNode payload(String encoded) {
		try {
			return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(encoded));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts the request is signed with {@code secret} for what was sent; returns the
	 * payload.
	 */
	static JsonNode assertSigned(RecordedRequest request, String secret) {
		String encoded = request.getHeaders().get("x-app-payload");
		assertThat(encoded).isNotNull();
		assertThat(request.getHeaders().get("x-app-signature")).isEqualTo(hmac(secret, encoded));
		JsonNode payload = payload(encoded);
		assertThat(payload.get("method").asText()).isEqualTo(request.getMethod());
		assertThat(payload.get("path").asText()).isEqualTo(request.getTarget());
		byte[] body = (request.getBody() != null) ? request.getBody().toByteArray() : new byte[0];
		assertThat(payload.get("bodySha256").asText()).isEqualTo(RequestSigner.sha256(body));
		String authorization = request.getHeaders().get("Authorization");
		if (authorization == null) {
			assertThat(payload.has("ath")).isFalse();
		}
		else {
			String token = authorization.substring("Bearer ".length());
			assertThat(payload.get("ath").asText())
				.isEqualTo(RequestSigner.sha256(token.getBytes(StandardCharsets.US_ASCII)));
		}
		return payload;
	}

	private static String hmac(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
