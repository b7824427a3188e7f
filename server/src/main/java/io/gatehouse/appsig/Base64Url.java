package io.gatehouse.appsig;

import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) without padding, as docs/contract.md §1 asks: the JDK
 * decoder alone would also accept {@code =} padding.
 */
final class Base64Url {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private Base64Url() {
	}

	static String encode(byte[] bytes) {
		return ENCODER.encodeToString(bytes);
	}

	/** The bytes, or {@code null} when the value is not unpadded base64url. */
	static byte[] decode(String value) {
		if (value == null || value.length() % 4 == 1) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!alphabet) {
				return null;
			}
		}
		return DECODER.decode(value);
	}

}
