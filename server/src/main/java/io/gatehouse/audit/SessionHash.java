package io.gatehouse.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.gatehouse.crypto.Sha256;

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
		byte[] digest = Sha256.digest(sessionId.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12));
	}

}
