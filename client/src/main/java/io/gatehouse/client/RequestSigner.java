package io.gatehouse.client;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Builds the signed payload of docs/contract.md §1 and its HMAC: compact JSON with the
 * fields in the order kid, ts, nonce, method, path, bodySha256, ath (ath only with a
 * bearer token), base64url without padding. Every call takes a fresh nonce.
 */
final class RequestSigner {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final int NONCE_BYTES = 16;

	private final String kid;

	private final SecretKeySpec key;

	private final ClockOffset clock;

	private final SecureRandom random = new SecureRandom();

	RequestSigner(String kid, String secret, ClockOffset clock) {
		this.kid = kid;
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.clock = clock;
	}

	Signature sign(String method, String path, byte[] body, String accessToken) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		return sign(this.clock.millis(), BASE64URL.encodeToString(nonce), method, path, body, accessToken);
	}

	Signature sign(long ts, String nonce, String method, String path, byte[] body, String accessToken) {
		String ath = (accessToken != null) ? sha256(accessToken.getBytes(StandardCharsets.US_ASCII)) : null;
		String json = payloadJson(this.kid, ts, nonce, method, path, sha256(body), ath);
		String payload = BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
		return new Signature(payload, hmac(payload));
	}

	static String payloadJson(String kid, long ts, String nonce, String method, String path, String bodySha256,
			String ath) {
		StringWriter out = new StringWriter();
		try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
			json.writeStartObject();
			json.writeStringField("kid", kid);
			json.writeNumberField("ts", ts);
			json.writeStringField("nonce", nonce);
			json.writeStringField("method", method);
			json.writeStringField("path", path);
			json.writeStringField("bodySha256", bodySha256);
			if (ath != null) {
				json.writeStringField("ath", ath);
			}
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static String sha256(byte[] bytes) {
		try {
			return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private String hmac(String payload) {
		try {
			// A Mac is not thread-safe: one per signature.
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return BASE64URL.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	/** The values of {@code x-app-payload} and {@code x-app-signature}. */
	record Signature(String payload, String signature) {

		@Override
		public String toString() {
			return "Signature[redacted]";
		}

	}

}
