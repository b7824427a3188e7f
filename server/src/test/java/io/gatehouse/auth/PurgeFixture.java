package io.gatehouse.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import static io.gatehouse.auth.SessionRepository.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of every kind the purge must tell apart, written straight into a database (H2 or
 * PostgreSQL) relative to the server's clock, and the check of what is left after a
 * purge. Session ids are new per fixture, so fixtures and other tests never meet.
 */
final class PurgeFixture {

	private final JdbcClient jdbc;

	private final String run = TokenGrants.newSessionId().substring(0, 8);

	final String ended = "ended-" + this.run;

	final String revokedLongAgo = "revoked-old-" + this.run;

	final String revokedRecently = "revoked-new-" + this.run;

	final String live = "live-" + this.run;

	PurgeFixture(JdbcClient jdbc, Instant now) {
		this.jdbc = jdbc;
		session(this.ended, now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(2)), null);
		token("ended-unused", this.ended, now.minus(Duration.ofMinutes(2)), null, null);
		token("ended-used", this.ended, now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofDays(1)), null);
		session(this.revokedLongAgo, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)),
				now.minus(Duration.ofHours(1)));
		token("revoked-old", this.revokedLongAgo, now.plus(Duration.ofDays(10)), null, null);
		session(this.revokedRecently, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)),
				now.minus(Duration.ofMinutes(1)));
		session(this.live, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), null);
		token("live-used-long-ago", this.live, now.plus(Duration.ofDays(1)), now.minus(Duration.ofHours(1)), "sealed");
		token("live-used-just-now", this.live, now.plus(Duration.ofDays(1)), now, "sealed");
		token("live-unused", this.live, now.plus(Duration.ofDays(1)), null, null);
		token("live-expired-unused", this.live, now.minus(Duration.ofDays(1)), null, null);
	}

	/** Everything ended is gone; everything a request may still need is there. */
	void assertOnlyLiveRowsLeft() {
		assertThat(sessionExists(this.ended)).as("ended session").isFalse();
		assertThat(sessionExists(this.revokedLongAgo)).as("session revoked an hour ago").isFalse();
		assertThat(sessionExists(this.revokedRecently)).as("session revoked a minute ago").isTrue();
		assertThat(sessionExists(this.live)).as("live session").isTrue();
		assertThat(tokenExists("ended-unused")).isFalse();
		assertThat(tokenExists("ended-used")).isFalse();
		assertThat(tokenExists("revoked-old")).isFalse();
		assertThat(tokenExists("live-expired-unused")).isFalse();
		assertThat(tokenExists("live-unused")).isTrue();
		assertThat(tokenExists("live-used-long-ago")).as("a used token keeps detecting reuse").isTrue();
		assertThat(sealed("live-used-long-ago")).as("successor past the grace").isNull();
		assertThat(sealed("live-used-just-now")).as("successor within the grace").isEqualTo("sealed");
	}

	/** Nothing was deleted. */
	void assertUntouched() {
		assertThat(sessionExists(this.ended)).isTrue();
		assertThat(sessionExists(this.revokedLongAgo)).isTrue();
		assertThat(tokenExists("ended-used")).isTrue();
		assertThat(sealed("live-used-long-ago")).isEqualTo("sealed");
	}

	private void session(String sid, Instant createdAt, Instant expiresAt, Instant revokedAt) {
		this.jdbc
			.sql("INSERT INTO sessions (sid, account_id, subject, scope, created_at, expires_at, revoked_at, "
					+ "revoked_reason) VALUES (?, NULL, 'purge_test', 'user', ?, ?, ?, ?)")
			.params(sid, utc(createdAt), utc(expiresAt), (revokedAt != null) ? utc(revokedAt) : null,
					(revokedAt != null) ? "logout" : null)
			.update();
	}

	private void token(String name, String sid, Instant expiresAt, Instant usedAt, String sealed) {
		this.jdbc
			.sql("INSERT INTO refresh_tokens (token_hash, sid, created_at, expires_at, used_at, successor_sealed) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(hash(name), sid, utc(expiresAt.minus(Duration.ofDays(30))), utc(expiresAt),
					(usedAt != null) ? utc(usedAt) : null, sealed)
			.update();
	}

	private boolean sessionExists(String sid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE sid = ?")
			.param(sid)
			.query(Integer.class)
			.single() == 1;
	}

	private boolean tokenExists(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?")
			.param(hash(name))
			.query(Integer.class)
			.single() == 1;
	}

	private String sealed(String name) {
		return this.jdbc.sql("SELECT successor_sealed FROM refresh_tokens WHERE token_hash = ?")
			.param(hash(name))
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
	}

	private String hash(String name) {
		return RefreshTokenRepository.hash(name + "-" + this.run);
	}

}
