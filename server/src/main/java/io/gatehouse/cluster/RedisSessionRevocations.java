package io.gatehouse.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.gatehouse.auth.SessionRevocations;
import io.lettuce.core.SetArgs;

/**
 * Revoked session ids in Redis, so that a logout on one instance is refused by every
 * other one on the very next request. The price is one Redis round trip ({@code EXISTS})
 * per authenticated request; a local cache would make that cheaper and logout late. An
 * entry lives until the last token of the session has expired, plus the verifier's clock
 * skew; the database keeps the permanent record.
 */
final class RedisSessionRevocations implements SessionRevocations {

	private static final byte[] REVOKED = "1".getBytes(StandardCharsets.US_ASCII);

	private final RedisState redis;

	private final Clock clock;

	private final Duration clockSkew;

	RedisSessionRevocations(RedisState redis, Clock clock, Duration clockSkew) {
		this.redis = redis;
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	@Override
	public void revoke(String sid, Instant until) {
		Duration ttl = Duration.between(this.clock.instant(), until.plus(this.clockSkew));
		if (ttl.isNegative() || ttl.isZero()) {
			// No token of this session can be accepted any more; there is nothing to
			// remember.
			return;
		}
		this.redis.call("revoke a session", (redis) -> redis.set(key(sid), REVOKED, SetArgs.Builder.px(ttl)));
	}

	@Override
	public boolean isRevoked(String sid) {
		return this.redis.call("check a revocation", (redis) -> redis.exists(key(sid))) > 0;
	}

	private String key(String sid) {
		return this.redis.key("revoked:" + sid);
	}

}
