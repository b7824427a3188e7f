package io.gatehouse.csrf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies CSRF tokens without storing them: a token is
 * {@code v1.<expiry epoch seconds>.<b64url HMAC-SHA256(secret, "v1." + sid + "." + expiry)>},
 * so it is bound to one session, expires on its own, and dies with the session (whose
 * bearer tokens are revoked at logout, so no request of that session gets this far).
 */
public final class CsrfTokens {

	private static final String VERSION = "v1";

	private static final Pattern EXPIRY = Pattern.compile("[0-9]{1,12}");

	private static final String ALGORITHM = "HmacSHA256";

	/** Longer input is not a token of ours; refuse it before any parsing. */
	private static final int MAX_TOKEN_LENGTH = 128;

	private static final int MAC_BYTES = 32;

	/**
	 * One Mac per thread, keyed once (a Mac is not thread-safe; a new one per call costs
	 * more than the HMAC, docs/benchmarks.md); {@code doFinal} resets it for the next
	 * use.
	 */
	private final ThreadLocal<Mac> macs;

	private final Duration ttl;

	private final Clock clock;

	public CsrfTokens(byte[] secret, Duration ttl, Clock clock) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The CSRF secret must have at least 32 bytes");
		}
		SecretKeySpec key = new SecretKeySpec(secret.clone(), ALGORITHM);
		this.macs = ThreadLocal.withInitial(() -> newMac(key));
		this.ttl = ttl;
		this.clock = clock;
	}

	/** A new token for the session, valid for the configured time to live. */
	public IssuedCsrfToken issue(String sid) {
		long expiry = this.clock.instant().plus(this.ttl).getEpochSecond();
		String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sid, expiry));
		return new IssuedCsrfToken(VERSION + "." + expiry + "." + mac, this.ttl.toSeconds());
	}

	/**
	 * Whether the token was issued by this server for this session and has not expired.
	 * Malformed input is simply not valid; nothing here throws on client data.
	 */
	public boolean isValid(String sid, String token) {
		if (sid == null || token == null || token.length() > MAX_TOKEN_LENGTH) {
			return false;
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3 || !VERSION.equals(parts[0]) || !EXPIRY.matcher(parts[1]).matches()) {
			return false;
		}
		byte[] presented;
		try {
			presented = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		long expiry = Long.parseLong(parts[1]);
		boolean macMatches = presented.length == MAC_BYTES && MessageDigest.isEqual(mac(sid, expiry), presented);
		return macMatches && this.clock.instant().getEpochSecond() < expiry;
	}

	private byte[] mac(String sid, long expiry) {
		return this.macs.get().doFinal((VERSION + "." + sid + "." + expiry).getBytes(StandardCharsets.UTF_8));
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The body of {@code GET /api/auth/csrf-token}. */
	public record IssuedCsrfToken(String csrfToken, long expiresIn) {
	}

}
