package io.gatehouse.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.gatehouse.appsig.NonceFingerprint;
import io.gatehouse.appsig.NonceStore;
import io.gatehouse.appsig.NonceStore.Use;
import io.gatehouse.appsig.ReplayState;
import io.gatehouse.errors.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisNonceStoreTests {

	private static final Duration SKEW = Duration.ofSeconds(300);

	private static final Duration MIN_SKEW = Duration.ofSeconds(10);

	private static final NonceFingerprint FINGERPRINTS = NonceFingerprint.derivedFrom(new byte[32]);

	private final Clock clock = Clock.systemUTC();

	private TestRedis redis;

	@AfterEach
	void cleanUp() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	private RedisNonceStore store(TestRedis redis, long maxBytes) {
		return new RedisNonceStore(redis.state(), FINGERPRINTS, this.clock, SKEW, MIN_SKEW, maxBytes);
	}

	private RedisNonceStore store(TestRedis redis) {
		return store(redis, 64L * 1024 * 1024);
	}

	@Test
	void firstUseWhenPairIsNewThenFirstAndItsBucketExpiresWithItsTs() {
		this.redis = TestRedis.machine();
		long ts = this.clock.millis();
		assertThat(store(this.redis).firstUse("web-demo", "nonce-1", ts)).isEqualTo(Use.FIRST);
		// Redis keeps it min-clock-skew past the end of its acceptance, a margin for
		// clocks.
		long bucketEnd = (Math.floorDiv(ts, 1000) + 1) * 1000 + SKEW.toMillis() + MIN_SKEW.toMillis();
		long before = this.clock.millis();
		long left = this.redis.pttl("replay:b:" + Math.floorDiv(ts, 1000));
		long after = this.clock.millis();
		assertThat(left).isBetween(bucketEnd - after - 1, bucketEnd - before);
		assertThat(store(this.redis).state().nonces()).isEqualTo(1);
	}

	@Test
	void firstUseWhenPairSeenOnAnotherInstanceThenReplayed() {
		this.redis = TestRedis.machine();
		long ts = this.clock.millis();
		try (TestRedis other = this.redis.peer()) {
			assertThat(store(this.redis).firstUse("web-demo", "nonce-1", ts)).isEqualTo(Use.FIRST);
			assertThat(store(other).firstUse("web-demo", "nonce-1", ts)).isEqualTo(Use.REPLAYED);
		}
	}

	@Test
	void firstUseWhenAnInstanceAheadSweptTheSecondThenReplayFromOneBehindNotAccepted() {
		this.redis = TestRedis.machine();
		ShiftedClock ahead = new ShiftedClock();
		ahead.advance(Duration.ofSeconds(2));
		RedisNonceStore behind = store(this.redis);
		RedisNonceStore sweeping = new RedisNonceStore(this.redis.state(), FINGERPRINTS, ahead, SKEW, MIN_SKEW,
				64L * 1024 * 1024);
		long edge = this.clock.millis() - SKEW.toMillis() + 900;
		assertThat(behind.firstUse("web-demo", "nonce-1", edge)).isEqualTo(Use.FIRST);

		assertThat(sweeping.firstUse("web-demo", "nonce-2", ahead.millis())).isEqualTo(Use.FIRST);

		assertThat(behind.firstUse("web-demo", "nonce-1", edge)).isNotEqualTo(Use.FIRST);
	}

	@Test
	void firstUseWhenSameNonceWithAnotherKidThenFirst() {
		this.redis = TestRedis.machine();
		long ts = this.clock.millis();
		RedisNonceStore nonces = store(this.redis);
		assertThat(nonces.firstUse("web-demo", "nonce-1", ts)).isEqualTo(Use.FIRST);
		assertThat(nonces.firstUse("android-demo", "nonce-1", ts)).isEqualTo(Use.FIRST);
	}

	@Test
	void firstUseWhenManyRaceForOnePairThenExactlyOneWins() throws Exception {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = store(this.redis);
		long ts = this.clock.millis();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Use>> attempts = IntStream.range(0, 32)
				.<Callable<Use>>mapToObj((i) -> () -> nonces.firstUse("web-demo", "contested", ts))
				.toList();
			List<Use> outcomes = pool.invokeAll(attempts).stream().map(TestFutures::join).toList();
			assertThat(outcomes).containsOnlyOnce(Use.FIRST);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A bound of 2,000 nonces: old buckets filled first, then the present. The oldest go,
	 * the floor rises above them, and none of them passes again; the count never exceeds
	 * the bound.
	 */
	@Test
	void firstUseWhenBoundReachedThenOldestBucketsForgottenFloorRaisedAndNoReplayAccepted() {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = store(this.redis, 2_000 * RedisNonceStore.BYTES_PER_NONCE);
		long now = this.clock.millis();
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 1_500; i++) {
			String nonce = "old-" + i;
			assertThat(nonces.firstUse("web-demo", nonce, now - 200_000 + i)).isEqualTo(Use.FIRST);
			old.add(nonce);
		}
		for (int i = 0; i < 1_500; i++) {
			assertThat(nonces.firstUse("web-demo", "now-" + i, now)).isEqualTo(Use.FIRST);
		}
		ReplayState state = nonces.state();
		assertThat(state.nonces()).isLessThanOrEqualTo(2_000);
		assertThat(state.acceptedFromMillis()).isGreaterThan(-300_000).isLessThanOrEqualTo(-10_000);
		for (int i = 0; i < old.size(); i++) {
			assertThat(nonces.firstUse("web-demo", old.get(i), now - 200_000 + i)).isNotEqualTo(Use.FIRST);
		}
	}

	@Test
	void firstUseWhenFarFutureFloodedThenCeilingLoweredAndPresentAccepted() {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = store(this.redis, 2_000 * RedisNonceStore.BYTES_PER_NONCE);
		long now = this.clock.millis();
		int refused = 0;
		for (int i = 0; i < 1_000; i++) {
			if (nonces.firstUse("web-demo", "future-" + i, now + 200_000) == Use.OUTSIDE_WINDOW) {
				refused++;
			}
		}
		assertThat(refused).isPositive();
		assertThat(nonces.state().acceptedToMillis()).isLessThan(200_000);
		assertThat(nonces.firstUse("web-demo", "honest", now + 1_000)).isEqualTo(Use.FIRST);
	}

	@Test
	void firstUseWhenFullWithinTheMinimumWindowThenStateUnavailable() {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = store(this.redis, 100 * RedisNonceStore.BYTES_PER_NONCE);
		long now = this.clock.millis();
		for (int i = 0; i < 100; i++) {
			nonces.firstUse("web-demo", "now-" + i, now);
		}
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> nonces.firstUse("web-demo", "one-more", now));
	}

	@Test
	void firstUseWhenRedisUnreachableThenStateUnavailable() {
		this.redis = TestRedis.unreachable();
		NonceStore nonces = store(this.redis);
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> nonces.firstUse("web-demo", "nonce-1", this.clock.millis()));
	}

	static final class TestFutures {

		static <T> T join(Future<T> future) {
			try {
				return future.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
