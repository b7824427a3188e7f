package io.gatehouse.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.gatehouse.errors.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisSessionRevocationsTests {

	private static final Duration SKEW = Duration.ofSeconds(60);

	private final Clock clock = Clock.systemUTC();

	private TestRedis redis;

	@AfterEach
	void cleanUp() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void isRevokedWhenNeverRevokedThenFalse() {
		this.redis = TestRedis.machine();
		assertThat(revocations(this.redis).isRevoked("sid-1")).isFalse();
	}

	@Test
	void isRevokedWhenRevokedOnAnotherInstanceThenTrue() {
		this.redis = TestRedis.machine();
		try (TestRedis other = this.redis.peer()) {
			revocations(this.redis).revoke("sid-1", this.clock.instant().plus(Duration.ofMinutes(15)));
			assertThat(revocations(other).isRevoked("sid-1")).isTrue();
			assertThat(revocations(other).isRevoked("sid-2")).isFalse();
		}
	}

	@Test
	void revokeThenEntryLivesUntilTheLastTokenExpiresPlusSkew() {
		this.redis = TestRedis.machine();
		revocations(this.redis).revoke("sid-1", this.clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(this.redis.pttl("revoked:sid-1")).isBetween(Duration.ofMinutes(15).toMillis(),
				Duration.ofMinutes(15).plus(SKEW).toMillis());
	}

	@Test
	void revokeWhenEveryTokenExpiredLongAgoThenNothingStored() {
		this.redis = TestRedis.machine();
		revocations(this.redis).revoke("sid-1", this.clock.instant().minus(Duration.ofMinutes(5)));
		assertThat(this.redis.pttl("revoked:sid-1")).isEqualTo(-2L);
	}

	@Test
	void isRevokedWhenRedisUnreachableThenStateUnavailable() {
		this.redis = TestRedis.unreachable();
		RedisSessionRevocations revocations = revocations(this.redis);
		assertThatExceptionOfType(StateUnavailableException.class).isThrownBy(() -> revocations.isRevoked("sid-1"));
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> revocations.revoke("sid-1", Instant.now().plusSeconds(60)));
	}

	private RedisSessionRevocations revocations(TestRedis redis) {
		return new RedisSessionRevocations(redis.state(), this.clock, SKEW);
	}

}
