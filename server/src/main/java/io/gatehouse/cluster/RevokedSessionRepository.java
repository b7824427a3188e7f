package io.gatehouse.cluster;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The permanent record of revocations ({@code sessions.revoked_at}, written by the auth
 * feature on logout and refresh-token reuse), read when Redis turns out to have lost its
 * copy.
 */
final class RevokedSessionRepository implements RedisRevokedSessionStore.PermanentRecord {

	private final JdbcClient jdbc;

	RevokedSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<RedisRevokedSessionStore.Revoked> since(Instant since) {
		return this.jdbc.sql("SELECT sid, revoked_at FROM sessions WHERE revoked_at >= ?")
			.param(since.atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new RedisRevokedSessionStore.Revoked(rs.getString("sid"),
					rs.getObject("revoked_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
