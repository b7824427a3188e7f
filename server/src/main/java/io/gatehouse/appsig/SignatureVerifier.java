package io.gatehouse.appsig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.gatehouse.crypto.HmacSha256;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;

/**
 * Checks that an {@code x-app-signature} is the HMAC-SHA256, under the named app key of
 * the request's platform, of the ASCII bytes of {@code x-app-payload}, and that the
 * payload describes this very request (method, target, body, token). Any failure is
 * {@code signature-invalid}; which one is logged, never answered.
 */
final class SignatureVerifier {

	private final Map<String, AppKey> keys;

	private final SignedPayloadParser parser = new SignedPayloadParser();

	SignatureVerifier(List<AppSignatureProperties.App> apps) {
		this.keys = apps.stream()
			.map(AppKey::of)
			.collect(Collectors.toUnmodifiableMap(AppKey::kid, Function.identity()));
	}

	/** The payload, once its signature is proven; else {@code signature-invalid}. */
	SignedPayload verify(Platform platform, String payloadHeader, String signatureHeader) {
		if (signatureHeader.length() > SignedPayloadParser.MAX_PAYLOAD_LENGTH) {
			throw SignedPayloadParser.invalid("signature too long");
		}
		SignedPayload payload = this.parser.parse(payloadHeader);
		AppKey key = this.keys.get(payload.kid());
		if (key == null || key.platform() != platform) {
			throw SignedPayloadParser.invalid("unknown kid, or a kid of another platform");
		}
		// Compared as text: only the canonical encoding of the right MAC matches.
		byte[] expected = Base64Url.encode(key.mac(payloadHeader)).getBytes(StandardCharsets.ISO_8859_1);
		if (!MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.ISO_8859_1))) {
			throw SignedPayloadParser.invalid("signature mismatch");
		}
		return payload;
	}

	/** Checks that the payload names this request; else {@code signature-invalid}. */
	void checkBinding(SignedPayload payload, String method, String target, String bodySha256, String ath) {
		if (!payload.method().equals(method) || !payload.path().equals(target)) {
			throw SignedPayloadParser.invalid("method or path differ from the request");
		}
		if (!payload.bodySha256().equals(bodySha256)) {
			throw SignedPayloadParser.invalid("bodySha256 differs from the body");
		}
		if ((payload.ath() == null) != (ath == null) || (ath != null && !ath.equals(payload.ath()))) {
			throw SignedPayloadParser.invalid("ath and Authorization disagree");
		}
	}

	/** An app key: its kid, its platform and its HMAC. */
	private record AppKey(String kid, Platform platform, HmacSha256 hmac) {

		static AppKey of(AppSignatureProperties.App app) {
			return new AppKey(app.kid(), app.platform(), new HmacSha256(app.secret().getBytes(StandardCharsets.UTF_8)));
		}

		byte[] mac(String payloadHeader) {
			// The payload parsed as base64url: its ISO-8859-1 bytes are ASCII.
			return this.hmac.mac(payloadHeader.getBytes(StandardCharsets.ISO_8859_1));
		}

		@Override
		public String toString() {
			return "AppKey[kid=" + this.kid + ", platform=" + this.platform + "]";
		}

	}

}
