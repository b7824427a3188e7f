package io.gatehouse.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import static io.gatehouse.auth.SessionRepository.utc;

/**
 * Deletes what no request can need any more, every
 * {@code gatehouse.sessions.purge-interval}: sealed successors past the refresh grace;
 * sessions that ended (past their expiry, with the clock skew as margin) or were revoked
 * longer ago than any of their access tokens can live (start-up and Redis reload only
 * that window), with their refresh tokens; and refresh tokens that expired unused (they
 * answer {@code invalid-refresh-token} either way). Used tokens of live sessions stay, so
 * their reuse is still detected.
 * <p>
 * On PostgreSQL one instance at a time purges: each run takes a session-level advisory
 * lock ({@code pg_try_advisory_lock}, keyed by the schema, so deployments sharing a
 * database do not block each other) on the connection that deletes, and skips the run
 * when another instance holds it. H2 serves one instance only: it just runs.
 */
@Component
public class SessionHousekeeping {

	/**
	 * The first half of the advisory lock's key ("gh" + "pu"rge); the schema is the
	 * second.
	 */
	public static final int LOCK_CLASS = 0x67687075;

	private static final Logger log = LoggerFactory.getLogger(SessionHousekeeping.class);

	/** What one run did; {@code ran} is false when another instance held the lock. */
	public record Purged(boolean ran, int successors, int refreshTokens, int sessions) {

		public static final Purged SKIPPED = new Purged(false, 0, 0, 0);

	}

	private final JdbcTemplate jdbc;

	private final TokenProperties tokens;

	private final SessionProperties sessions;

	private final Clock clock;

	SessionHousekeeping(DataSource dataSource, TokenProperties tokens, SessionProperties sessions, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.tokens = tokens;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${gatehouse.sessions.purge-interval}",
			initialDelayString = "${gatehouse.sessions.purge-interval}")
	void scheduledPurge() {
		try {
			Purged purged = purge();
			if (purged.ran() && purged.successors() + purged.refreshTokens() + purged.sessions() > 0) {
				log.info("Purged {} ended sessions, {} refresh tokens and {} sealed successors", purged.sessions(),
						purged.refreshTokens(), purged.successors());
			}
		}
		catch (DataAccessException ex) {
			// The next run tries again; nothing depends on this one.
			log.warn("Session purge failed: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * One purge now, unless another instance is purging (then {@link Purged#SKIPPED}).
	 */
	public Purged purge() {
		return this.jdbc.execute((ConnectionCallback<Purged>) (connection) -> {
			boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
			if (postgres && !lock(connection, "pg_try_advisory_lock")) {
				return Purged.SKIPPED;
			}
			try {
				return deleteEnded(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
						this.clock.instant());
			}
			finally {
				if (postgres) {
					lock(connection, "pg_advisory_unlock");
				}
			}
		});
	}

	private Purged deleteEnded(JdbcTemplate on, Instant now) {
		Object graceOver = utc(now.minus(this.sessions.refreshGrace()));
		Object ended = utc(now.minus(this.tokens.clockSkew()));
		Object revokedLongAgo = utc(now.minus(this.tokens.revocationMemory()));
		String endedSessions = "SELECT sid FROM sessions WHERE expires_at < ? OR revoked_at < ?";
		int successors = on.update(
				"UPDATE refresh_tokens SET successor_sealed = NULL WHERE successor_sealed IS NOT NULL AND used_at < ?",
				graceOver);
		int refreshTokens = on.update("DELETE FROM refresh_tokens WHERE sid IN (" + endedSessions + ")", ended,
				revokedLongAgo);
		refreshTokens += on.update("DELETE FROM refresh_tokens WHERE used_at IS NULL AND expires_at < ?", ended);
		int sessions = on.update("DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?", ended, revokedLongAgo);
		return new Purged(true, successors, refreshTokens, sessions);
	}

	private static boolean lock(Connection connection, String function) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + function + "(?, hashtext(current_schema()))")) {
			statement.setInt(1, LOCK_CLASS);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

}
