package io.gatehouse.cluster;

import java.time.Duration;

import io.gatehouse.errors.StateUnavailableException;
import io.gatehouse.ratelimit.Limit;
import io.gatehouse.ratelimit.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedisRateLimiterTests {

	private static final Limit THREE_PER_MINUTE = new Limit(3, Duration.ofMinutes(1));

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private TestRedis redis;

	@AfterEach
	void cleanUp() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void consumeWhenCapacityUsedAcrossInstancesThenRefusedWithRetryAfter() {
		this.redis = TestRedis.machine();
		try (TestRedis other = this.redis.peer()) {
			RedisRateLimiter a = new RedisRateLimiter(this.redis.state(), TIMEOUT);
			RedisRateLimiter b = new RedisRateLimiter(other.state(), TIMEOUT);
			assertThat(a.consume("login-user:alice", THREE_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
			assertThat(b.consume("login-user:alice", THREE_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
			assertThat(a.consume("login-user:alice", THREE_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
			Verdict refused = b.consume("login-user:alice", THREE_PER_MINUTE);
			assertThat(refused.allowed()).isFalse();
			assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
			assertThat(a.consume("login-user:bob", THREE_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
		}
	}

	@Test
	void consumeThenBucketKeyExpiresOnceFullAgain() {
		this.redis = TestRedis.machine();
		new RedisRateLimiter(this.redis.state(), TIMEOUT).consume("login-user:alice", THREE_PER_MINUTE);
		assertThat(this.redis.pttl("rate:login-user:alice")).isPositive()
			.isLessThanOrEqualTo(Duration.ofMinutes(1).plusSeconds(10).toMillis());
	}

	@Test
	void peekThenNoPermitTaken() {
		this.redis = TestRedis.machine();
		RedisRateLimiter limiter = new RedisRateLimiter(this.redis.state(), TIMEOUT);
		Limit one = new Limit(1, Duration.ofMinutes(1));
		assertThat(limiter.peek("k", one)).isEqualTo(Verdict.ALLOWED);
		assertThat(limiter.peek("k", one)).isEqualTo(Verdict.ALLOWED);
		assertThat(limiter.consume("k", one)).isEqualTo(Verdict.ALLOWED);
		assertThat(limiter.peek("k", one).allowed()).isFalse();
	}

	@Test
	void resetThenNextEventStartsWithFullBucket() {
		this.redis = TestRedis.machine();
		RedisRateLimiter limiter = new RedisRateLimiter(this.redis.state(), TIMEOUT);
		Limit one = new Limit(1, Duration.ofMinutes(1));
		limiter.consume("k", one);
		assertThat(limiter.consume("k", one).allowed()).isFalse();
		limiter.reset("k");
		assertThat(this.redis.pttl("rate:k")).isEqualTo(-2L);
		assertThat(limiter.consume("k", one)).isEqualTo(Verdict.ALLOWED);
	}

	@Test
	void refundThenOnePermitBackButNeverBeyondCapacity() {
		this.redis = TestRedis.machine();
		RedisRateLimiter limiter = new RedisRateLimiter(this.redis.state(), TIMEOUT);
		Limit one = new Limit(1, Duration.ofMinutes(1));
		limiter.consume("k", one);
		limiter.refund("k", one);
		limiter.refund("k", one);
		assertThat(limiter.consume("k", one)).isEqualTo(Verdict.ALLOWED);
		assertThat(limiter.consume("k", one).allowed()).isFalse();
	}

	@Test
	void consumeWhenRedisUnreachableThenStateUnavailable() {
		this.redis = TestRedis.unreachable();
		RedisRateLimiter limiter = new RedisRateLimiter(this.redis.state(), TIMEOUT);
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> limiter.consume("k", THREE_PER_MINUTE));
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> limiter.peek("k", THREE_PER_MINUTE));
		assertThatExceptionOfType(StateUnavailableException.class).isThrownBy(() -> limiter.reset("k"));
		assertThatExceptionOfType(StateUnavailableException.class)
			.isThrownBy(() -> limiter.refund("k", THREE_PER_MINUTE));
	}

}
