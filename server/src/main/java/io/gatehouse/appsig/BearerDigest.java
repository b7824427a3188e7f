package io.gatehouse.appsig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of the access token in an {@code Authorization} header: the part after
 * {@code Bearer } (scheme case-insensitive, RFC 7235), or the whole value for any other
 * scheme, so that {@code ath} binds whatever credential was sent.
 */
final class BearerDigest {

	private static final String PREFIX = "Bearer ";

	private BearerDigest() {
	}

	static byte[] of(String authorization) {
		String token = authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
				? authorization.substring(PREFIX.length()) : authorization;
		try {
			// Header values arrive as ISO-8859-1: these are the bytes the client sent.
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.ISO_8859_1));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
