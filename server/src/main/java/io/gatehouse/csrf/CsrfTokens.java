package io.gatehouse.csrf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.gatehouse.crypto.HmacSha256;

/**
 * Issues and verifies CSRF tokens without storing them: a token is
 * {@code v1.<expiry epoch seconds>.<b64url HMAC-SHA256(secret, "v1." + sid + "." + expiry)>},
 * so it is bound to one session, expires on its own, and dies with the session (whose
 * bearer tokens are revoked at logout, so no request of that session gets this far).
 * Previous secrets verify the tokens they made until those expire, and make none.
 */
public final class CsrfTokens {

	private static final String VERSION = "v1";

	private static final Pattern EXPIRY = Pattern.compile("[0-9]{1,12}");

	/** Longer input is not a token of ours; refuse it before any parsing. */
	private static final int MAX_TOKEN_LENGTH = 128;

	private static final int MAC_BYTES = 32;

	private final HmacSha256 key;

	private final List<HmacSha256> previousKeys;

	private final Duration ttl;

	private final Clock clock;

	public CsrfTokens(byte[] secret, Duration ttl, Clock clock) {
		this(secret, List.of(), ttl, clock);
	}

	/**
	 * @param previous secrets that verify tokens they made (until those expire) but make
	 * none: a rotation of the secret logs nobody out
	 */
	public CsrfTokens(byte[] secret, List<byte[]> previous, Duration ttl, Clock clock) {
		this.key = key(secret);
		this.previousKeys = previous.stream().map(CsrfTokens::key).toList();
		this.ttl = ttl;
		this.clock = clock;
	}

	private static HmacSha256 key(byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The CSRF secret must have at least 32 bytes");
		}
		return new HmacSha256(secret.clone());
	}

	/**
	 * A key for another purpose, derived from the current secret (HMAC-SHA256 of the
	 * purpose): state that every instance must compute alike (the cluster's replay-guard
	 * fingerprints) without a second shared secret to configure. Whichever source the
	 * secret came from (value, file, generated), the derivation is the same.
	 */
	public byte[] derivedKey(String purpose) {
		return this.key.mac(("gatehouse derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
	}

	/** A new token for the session, valid for the configured time to live. */
	public IssuedCsrfToken issue(String sid) {
		long expiry = this.clock.instant().plus(this.ttl).getEpochSecond();
		String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(mac(this.key, sid, expiry));
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
		if (presented.length != MAC_BYTES || this.clock.instant().getEpochSecond() >= expiry) {
			return false;
		}
		if (MessageDigest.isEqual(mac(this.key, sid, expiry), presented)) {
			return true;
		}
		for (HmacSha256 previous : this.previousKeys) {
			if (MessageDigest.isEqual(mac(previous, sid, expiry), presented)) {
				return true;
			}
		}
		return false;
	}

	private static byte[] mac(HmacSha256 key, String sid, long expiry) {
		return key.mac((VERSION + "." + sid + "." + expiry).getBytes(StandardCharsets.UTF_8));
	}

	/** The body of {@code GET /api/auth/csrf-token}. */
	public record IssuedCsrfToken(String csrfToken, long expiresIn) {
	}

}
