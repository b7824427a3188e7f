package io.gatehouse.appsig;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads {@code x-app-payload} into a {@link SignedPayload}, or throws
 * {@code signature-invalid}: not base64url, not a JSON object, a field missing, repeated
 * or of the wrong type, a nonce shorter than 16 bytes. It streams the JSON (no tree): it
 * runs on every API request. Unknown fields are skipped; field order is free.
 */
final class SignedPayloadParser {

	/** Longest x-app-payload accepted; a real one is about 400 characters. */
	static final int MAX_PAYLOAD_LENGTH = 4096;

	static final int MIN_NONCE_BYTES = 16;

	/**
	 * 48 bytes: three times the minimum, and what one base64url line of 64 characters
	 * holds. The replay guard keeps a fingerprint whatever the length; the cap bounds the
	 * hashing and the payload.
	 */
	static final int MAX_NONCE_LENGTH = 64;

	private static final JsonFactory JSON = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	SignedPayload parse(String header) {
		if (header.length() > MAX_PAYLOAD_LENGTH) {
			throw invalid("payload too long");
		}
		byte[] json = Base64Url.decode(header);
		if (json == null) {
			throw invalid("payload is not base64url");
		}
		try (JsonParser parser = JSON.createParser(json)) {
			return read(parser);
		}
		catch (JacksonException ex) {
			throw invalid("payload is not the expected JSON object");
		}
	}

	private static SignedPayload read(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw invalid("payload is not a JSON object");
		}
		String kid = null;
		Long ts = null;
		String nonce = null;
		String method = null;
		String path = null;
		String bodySha256 = null;
		String ath = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "kid" -> kid = string(parser, value);
				case "ts" -> ts = integer(parser, value);
				case "nonce" -> nonce = string(parser, value);
				case "method" -> method = string(parser, value);
				case "path" -> path = string(parser, value);
				case "bodySha256" -> bodySha256 = string(parser, value);
				case "ath" -> ath = string(parser, value);
				default -> parser.skipChildren();
			}
		}
		if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
			throw invalid("payload has trailing content");
		}
		if (kid == null || ts == null || nonce == null || method == null || path == null || bodySha256 == null) {
			throw invalid("payload lacks a field");
		}
		checkNonce(nonce);
		return new SignedPayload(kid, ts, nonce, method, path, bodySha256, ath);
	}

	private static String string(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_STRING) {
			throw invalid("payload field " + parser.currentName() + " is not a string");
		}
		return parser.getString();
	}

	private static long integer(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
			throw invalid("payload field ts is not an integer");
		}
		return parser.getLongValue();
	}

	private static void checkNonce(String nonce) {
		byte[] bytes = (nonce.length() <= MAX_NONCE_LENGTH) ? Base64Url.decode(nonce) : null;
		if (bytes == null || bytes.length < MIN_NONCE_BYTES) {
			throw invalid("nonce is not base64url of 16 to 48 bytes");
		}
	}

	static ApiException invalid(String reason) {
		return new ApiException(ErrorCode.SIGNATURE_INVALID, reason);
	}

}
