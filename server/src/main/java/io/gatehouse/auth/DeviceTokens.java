package io.gatehouse.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies for apps: a successful login returns a token that proves, at the
 * next login for the same username, that this client logged in before. The token is
 * {@code base64url(id ‖ issuedAt) "." base64url(HMAC-SHA256(key, username, id, issuedAt))}
 * with a random 128-bit id: nothing is stored, and only the id (never the token) names
 * the device's failure bucket. A token that is malformed, forged, expired or for another
 * user is simply no proof: the login counts as one from an unknown client.
 */
@Component
final class DeviceTokens {

	static final Duration LIFETIME = Duration.ofDays(180);

	/** Far more than a token's 76 characters; longer input is not even decoded. */
	static final int MAX_LENGTH = 128;

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private static final int ID_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final byte[] key;

	private final Clock clock;

	@Autowired
	DeviceTokens(SigningKeys keys, Clock clock) {
		this(keys.derivedSecret("gatehouse device token v1"), clock);
	}

	DeviceTokens(byte[] key, Clock clock) {
		this.key = key.clone();
		this.clock = clock;
	}

	/** A new device token for {@code username} (normalised). */
	String issue(String username) {
		byte[] id = new byte[ID_BYTES];
		RANDOM.nextBytes(id);
		byte[] body = ByteBuffer.allocate(ID_BYTES + Long.BYTES)
			.put(id)
			.putLong(this.clock.instant().getEpochSecond())
			.array();
		return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(mac(username, body));
	}

	/**
	 * The device's id, when {@code token} is a live device token of {@code username}
	 * (normalised); empty for anything else, including {@code null}.
	 */
	Optional<String> verify(String username, String token) {
		if (username == null || token == null || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		byte[] body;
		byte[] signature;
		try {
			body = Base64.getUrlDecoder().decode(token.substring(0, dot));
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (body.length != ID_BYTES + Long.BYTES || !MessageDigest.isEqual(mac(username, body), signature)) {
			return Optional.empty();
		}
		Instant issuedAt = Instant.ofEpochSecond(ByteBuffer.wrap(body, ID_BYTES, Long.BYTES).getLong());
		Instant now = this.clock.instant();
		if (issuedAt.isAfter(now.plus(CLOCK_SKEW)) || !now.isBefore(issuedAt.plus(LIFETIME))) {
			return Optional.empty();
		}
		return Optional.of(ENCODER.encodeToString(Arrays.copyOf(body, ID_BYTES)));
	}

	private byte[] mac(String username, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			// Usernames never contain a NUL, so the boundary is unambiguous.
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
