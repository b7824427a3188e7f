package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.gatehouse.crypto.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.gatehouse.auth.SessionRepository.instant;
import static io.gatehouse.auth.SessionRepository.utc;

/**
 * The {@code refresh_tokens} table. A token is 256 random bits in base64url and is stored
 * only as its SHA-256; each use marks it used and names its successor, in one conditional
 * UPDATE, so of two uses racing exactly one wins.
 */
@Repository
class RefreshTokenRepository {

	/**
	 * A stored token: its session, when it expires, when (if ever) it was used, and its
	 * sealed successor while the refresh grace lasts ({@link SuccessorSeal}).
	 */
	record Stored(String sid, Instant expiresAt, Instant usedAt, String successorSealed) {

		@Override
		public String toString() {
			return "Stored[sid=" + this.sid + ", expiresAt=" + this.expiresAt + ", usedAt=" + this.usedAt + "]";
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	RefreshTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token: 256 random bits, base64url. */
	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	/** What the table keeps of a token: base64url SHA-256. */
	static String hash(String token) {
		return BASE64URL.encodeToString(Sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	void insert(String tokenHash, String sid, Instant now, Instant expiresAt) {
		this.jdbc.sql("INSERT INTO refresh_tokens (token_hash, sid, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(tokenHash, sid, utc(now), utc(expiresAt))
			.update();
	}

	/**
	 * Marks the token used and replaced, if it is unused and unexpired: answers whether
	 * this call did it. The database's row lock makes a concurrent second call wait and
	 * then find the token used (and its sealed successor, written in the same UPDATE).
	 */
	boolean markUsed(String tokenHash, String replacedBy, String successorSealed, Instant now) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET used_at = ?, replaced_by = ?, successor_sealed = ? "
					+ "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(utc(now), replacedBy, successorSealed, tokenHash, utc(now))
			.update() == 1;
	}

	Optional<Stored> find(String tokenHash) {
		return this.jdbc
			.sql("SELECT sid, expires_at, used_at, successor_sealed FROM refresh_tokens WHERE token_hash = ?")
			.param(tokenHash)
			.query((rs, row) -> new Stored(rs.getString("sid"), instant(rs, "expires_at"), instant(rs, "used_at"),
					rs.getString("successor_sealed")))
			.optional();
	}

	/**
	 * Drops the sealed successors of the session's tokens used before {@code usedBefore}
	 * (their grace is over), so they stay no longer than needed.
	 */
	void forgetSuccessors(String sid, Instant usedBefore) {
		this.jdbc
			.sql("UPDATE refresh_tokens SET successor_sealed = NULL "
					+ "WHERE sid = ? AND successor_sealed IS NOT NULL AND used_at < ?")
			.params(sid, utc(usedBefore))
			.update();
	}

}
