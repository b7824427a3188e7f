package io.gatehouse.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.gatehouse.auth.RevokedSessionStore;
import io.gatehouse.errors.StateUnavailableException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Revoked session ids in Redis, so that a logout on one instance is refused by every
 * other one on the very next request. The price is one Redis round trip per authenticated
 * request; a local cache would make that cheaper and logout late.
 * <p>
 * A Redis that restarts empty (or is flushed) would forget revocations, so the check also
 * asks for a marker key written after the revocations were last copied from the database:
 * when the marker is missing, the recent revocations are copied again from
 * {@code sessions.revoked_at} before any answer is given, and while that cannot be done
 * the check fails closed.
 */
final class RedisRevokedSessionStore implements RevokedSessionStore {

	private static final Logger log = LoggerFactory.getLogger(RedisRevokedSessionStore.class);

	private static final byte[] REVOKED = "1".getBytes(StandardCharsets.US_ASCII);

	/**
	 * -1: the marker is gone (state lost); otherwise 1 if the session is revoked, 0 if
	 * not.
	 */
	private static final String CHECK = "if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end "
			+ "return redis.call('EXISTS', KEYS[2])";

	private final RedisState redis;

	private final PermanentRecord table;

	private final Clock clock;

	private final Duration memory;

	private final Object restoreLock = new Object();

	/**
	 * @param memory how long after a revocation a token of the session can still be
	 * accepted (access-token lifetime plus clock skew)
	 */
	RedisRevokedSessionStore(RedisState redis, PermanentRecord table, Clock clock, Duration memory) {
		this.redis = redis;
		this.table = table;
		this.clock = clock;
		this.memory = memory;
	}

	@Override
	public void revoke(String sid, Instant until) {
		Duration ttl = Duration.between(this.clock.instant(), until);
		if (ttl.isNegative() || ttl.isZero()) {
			// No token of this session can be accepted any more; there is nothing to
			// remember.
			return;
		}
		this.redis.call("revoke a session", (redis) -> redis.set(key(sid), REVOKED, SetArgs.Builder.px(ttl)));
	}

	@Override
	public boolean isRevoked(String sid) {
		long answer = check(sid);
		if (answer < 0) {
			restoreFromDatabase();
			answer = check(sid);
			if (answer < 0) {
				throw new StateUnavailableException("Redis lost the revocations again while they were restored", null);
			}
		}
		return answer > 0;
	}

	private long check(String sid) {
		String[] keys = { markerKey(), key(sid) };
		return this.redis.call("check a revocation",
				(redis) -> redis.<Long>eval(CHECK, ScriptOutputType.INTEGER, keys));
	}

	/**
	 * Copies the revocations that can still matter from the database, then sets the
	 * marker.
	 */
	private void restoreFromDatabase() {
		synchronized (this.restoreLock) {
			if (this.redis.call("read the revocation marker", (redis) -> redis.exists(markerKey())) > 0) {
				return;
			}
			Instant now = this.clock.instant();
			try {
				var recent = this.table.since(now.minus(this.memory));
				recent.forEach((revoked) -> revoke(revoked.sid(), revoked.revokedAt().plus(this.memory)));
				this.redis.call("write the revocation marker", (redis) -> redis.set(markerKey(),
						String.valueOf(now.toEpochMilli()).getBytes(StandardCharsets.US_ASCII)));
				log.info("Copied {} recent session revocations from the database into Redis", recent.size());
			}
			catch (DataAccessException ex) {
				throw new StateUnavailableException("Revocations could not be restored from the database", ex);
			}
		}
	}

	/** Where revocations are kept for good: the {@code sessions} table. */
	interface PermanentRecord {

		/** SessionRepository revoked at or after {@code since}. */
		List<Revoked> since(Instant since);

	}

	record Revoked(String sid, Instant revokedAt) {
	}

	private String key(String sid) {
		return this.redis.key("revoked:" + sid);
	}

	private String markerKey() {
		return this.redis.key("revocations-restored");
	}

}
