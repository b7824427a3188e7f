package io.gatehouse.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.gatehouse.errors.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisNonceStoreTests {

	private static final Duration TTL = Duration.ofSeconds(600);

	private TestRedis redis;

	@AfterEach
	void cleanUp() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void firstUseWhenPairIsNewThenTrueAndRememberedForTheWindow() {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = new RedisNonceStore(this.redis.state());
		assertThat(nonces.firstUse("web-demo", "nonce-1", TTL)).isTrue();
		assertThat(this.redis.pttl("nonce:web-demo:nonce-1")).isBetween(1L, TTL.toMillis());
	}

	@Test
	void firstUseWhenPairSeenOnAnotherInstanceThenFalse() {
		this.redis = TestRedis.machine();
		try (TestRedis other = this.redis.peer()) {
			assertThat(new RedisNonceStore(this.redis.state()).firstUse("web-demo", "nonce-1", TTL)).isTrue();
			assertThat(new RedisNonceStore(other.state()).firstUse("web-demo", "nonce-1", TTL)).isFalse();
		}
	}

	@Test
	void firstUseWhenSameNonceWithAnotherKidThenTrue() {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = new RedisNonceStore(this.redis.state());
		assertThat(nonces.firstUse("web-demo", "nonce-1", TTL)).isTrue();
		assertThat(nonces.firstUse("android-demo", "nonce-1", TTL)).isTrue();
	}

	@Test
	void firstUseWhenManyRaceForOnePairThenExactlyOneWins() throws Exception {
		this.redis = TestRedis.machine();
		RedisNonceStore nonces = new RedisNonceStore(this.redis.state());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> attempts = IntStream.range(0, 32)
				.<Callable<Boolean>>mapToObj((i) -> () -> nonces.firstUse("web-demo", "contested", TTL))
				.toList();
			List<Boolean> outcomes = pool.invokeAll(attempts).stream().map(TestFutures::join).toList();
			assertThat(outcomes).containsOnlyOnce(true);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void firstUseWhenRedisUnreachableThenStateUnavailable() {
		this.redis = TestRedis.unreachable();
		RedisNonceStore nonces = new RedisNonceStore(this.redis.state());
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> nonces.firstUse("web-demo", "nonce-1", TTL));
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
