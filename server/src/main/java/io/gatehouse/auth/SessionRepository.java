package io.gatehouse.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sessions} table: a row per user session from login on, and a row per guest
 * session only once it is revoked, so every revocation survives a restart.
 */
@Repository
class SessionRepository {

	/** A session as stored. */
	record Session(String sid, Long accountId, String subject, String scope, Instant createdAt, Instant expiresAt,
			Instant revokedAt) {

		boolean isActive(Instant now) {
			return this.revokedAt == null && now.isBefore(this.expiresAt);
		}

	}

	/** A revoked session and when it was revoked. */
	record Revoked(String sid, Instant revokedAt) {
	}

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertUserSession(String sid, long accountId, String subject, String scope, Instant now, Instant expiresAt) {
		this.jdbc
			.sql("INSERT INTO sessions (sid, account_id, subject, scope, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(sid, accountId, subject, scope, utc(now), utc(expiresAt))
			.update();
	}

	Optional<Session> find(String sid) {
		return this.jdbc
			.sql("SELECT sid, account_id, subject, scope, created_at, expires_at, revoked_at FROM sessions "
					+ "WHERE sid = ?")
			.param(sid)
			.query(SessionRepository::session)
			.optional();
	}

	/**
	 * Moves the end of a live session (a refresh keeps it alive, up to its absolute
	 * lifetime) and records the scope its new tokens carry.
	 */
	void extend(String sid, Instant expiresAt, String scope) {
		this.jdbc
			.sql("UPDATE sessions SET expires_at = CASE WHEN expires_at < ? THEN ? ELSE expires_at END, scope = ? "
					+ "WHERE sid = ? AND revoked_at IS NULL")
			.params(utc(expiresAt), utc(expiresAt), scope, sid)
			.update();
	}

	/** The account's sessions that are not revoked (ended ones included: harmless). */
	List<Session> unrevokedOfAccount(long accountId) {
		return this.jdbc
			.sql("SELECT sid, account_id, subject, scope, created_at, expires_at, revoked_at FROM sessions "
					+ "WHERE account_id = ? AND revoked_at IS NULL")
			.param(accountId)
			.query(SessionRepository::session)
			.list();
	}

	/**
	 * Marks the session revoked; a guest session, which has no row yet, gets one.
	 * Revoking twice keeps the first time and reason.
	 */
	void revoke(String sid, String subject, String scope, String reason, Instant now, Instant expiresAt) {
		int updated = this.jdbc
			.sql("UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE sid = ? AND revoked_at IS NULL")
			.params(utc(now), reason, sid)
			.update();
		if (updated == 1 || find(sid).isPresent()) {
			return;
		}
		try {
			this.jdbc
				.sql("INSERT INTO sessions (sid, account_id, subject, scope, created_at, expires_at, revoked_at, "
						+ "revoked_reason) VALUES (?, NULL, ?, ?, ?, ?, ?, ?)")
				.params(sid, subject, scope, utc(now), utc(expiresAt), utc(now), reason)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Revoked by a concurrent call a moment ago: its row stands.
		}
	}

	/**
	 * Sessions revoked at or after {@code since}: what an in-memory store must remember.
	 */
	List<Revoked> revokedSince(Instant since) {
		return this.jdbc.sql("SELECT sid, revoked_at FROM sessions WHERE revoked_at >= ?")
			.param(utc(since))
			.query((rs, row) -> new Revoked(rs.getString("sid"), instant(rs, "revoked_at")))
			.list();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Session session(ResultSet rs, int row) throws SQLException {
		long accountId = rs.getLong("account_id");
		return new Session(rs.getString("sid"), rs.wasNull() ? null : accountId, rs.getString("subject"),
				rs.getString("scope"), instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}

}
