package io.gatehouse.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.errors.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisRevokedSessionStoreTests {

	private static final Duration MEMORY = Duration.ofMinutes(16);

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
		assertThat(revocations(this.redis, RedisRevokedSessionStoreTests::none).isRevoked("sid-1")).isFalse();
	}

	@Test
	void isRevokedWhenRevokedOnAnotherInstanceThenTrue() {
		this.redis = TestRedis.machine();
		try (TestRedis other = this.redis.peer()) {
			revocations(this.redis, RedisRevokedSessionStoreTests::none).revoke("sid-1",
					this.clock.instant().plus(MEMORY));
			assertThat(revocations(other, RedisRevokedSessionStoreTests::none).isRevoked("sid-1")).isTrue();
			assertThat(revocations(other, RedisRevokedSessionStoreTests::none).isRevoked("sid-2")).isFalse();
		}
	}

	@Test
	void revokeThenEntryLivesUntilTheLastTokenMoment() {
		this.redis = TestRedis.machine();
		revocations(this.redis, RedisRevokedSessionStoreTests::none).revoke("sid-1", this.clock.instant().plus(MEMORY));
		assertThat(this.redis.pttl("revoked:sid-1")).isBetween(MEMORY.minusSeconds(5).toMillis(), MEMORY.toMillis());
	}

	@Test
	void revokeWhenEveryTokenExpiredThenNothingStored() {
		this.redis = TestRedis.machine();
		revocations(this.redis, RedisRevokedSessionStoreTests::none).revoke("sid-1",
				this.clock.instant().minusSeconds(1));
		assertThat(this.redis.pttl("revoked:sid-1")).isEqualTo(-2L);
	}

	@Test
	void isRevokedWhenRedisUnreachableThenStateUnavailable() {
		this.redis = TestRedis.unreachable();
		RedisRevokedSessionStore revocations = revocations(this.redis, RedisRevokedSessionStoreTests::none);
		assertThatExceptionOfType(StateUnavailableException.class).isThrownBy(() -> revocations.isRevoked("sid-1"));
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> revocations.revoke("sid-1", Instant.now().plusSeconds(60)));
	}

	@Nested
	class WhenRedisLostItsState {

		@Test
		void isRevokedThenRecentRevocationsCopiedFromDatabaseOnce() {
			RedisRevokedSessionStoreTests.this.redis = TestRedis.machine();
			AtomicInteger reads = new AtomicInteger();
			Instant revokedAt = RedisRevokedSessionStoreTests.this.clock.instant().minus(Duration.ofMinutes(1));
			RedisRevokedSessionStore revocations = revocations(RedisRevokedSessionStoreTests.this.redis, (since) -> {
				reads.incrementAndGet();
				assertThat(since).isBefore(revokedAt);
				return List.of(new RedisRevokedSessionStore.Revoked("sid-logged-out", revokedAt));
			});
			assertThat(revocations.isRevoked("sid-logged-out")).isTrue();
			assertThat(revocations.isRevoked("sid-live")).isFalse();
			assertThat(reads).hasValue(1);
			assertThat(RedisRevokedSessionStoreTests.this.redis.pttl("revoked:sid-logged-out"))
				.isBetween(MEMORY.minusMinutes(2).toMillis(), MEMORY.toMillis());
			assertThat(RedisRevokedSessionStoreTests.this.redis.pttl("revocations-restored")).isEqualTo(-1L);
		}

		@Test
		void isRevokedWhenDatabaseUnavailableThenStateUnavailable() {
			RedisRevokedSessionStoreTests.this.redis = TestRedis.machine();
			RedisRevokedSessionStore revocations = revocations(RedisRevokedSessionStoreTests.this.redis, (since) -> {
				throw new DataAccessResourceFailureException("PostgreSQL is down");
			});
			assertThatExceptionOfType(StateUnavailableException.class).isThrownBy(() -> revocations.isRevoked("sid-1"));
			assertThat(RedisRevokedSessionStoreTests.this.redis.pttl("revocations-restored")).isEqualTo(-2L);
		}

	}

	private RedisRevokedSessionStore revocations(TestRedis redis, RedisRevokedSessionStore.PermanentRecord record) {
		return new RedisRevokedSessionStore(redis.state(), record, this.clock, MEMORY);
	}

	private static List<RedisRevokedSessionStore.Revoked> none(Instant since) {
		return List.of();
	}

}
