package io.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The form in which a session id appears in audit events: the first 96 bits of its
 * SHA-256, base64url. Enough to follow one session through the trail, useless for
 * presenting a session (a session id is never a credential, but it names revocations).
 */
public final class SessionHash {

	private SessionHash() {
	}

	public static String of(String sessionId) {
		if (sessionId == null) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JDK algorithm", ex);
		}
	}

}
