package io.gatehouse.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTests {

	private static final Limit TWO_PER_MINUTE = new Limit(2, Duration.ofMinutes(1));

	private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(100, Duration.ofMinutes(1));

	@Test
	void consumeWhenCapacityUsedThenRefusedWithRetryAfter() {
		this.limiter.consume("k", TWO_PER_MINUTE);
		this.limiter.consume("k", TWO_PER_MINUTE);

		Verdict refused = this.limiter.consume("k", TWO_PER_MINUTE);

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(this.limiter.peek("k", TWO_PER_MINUTE).allowed()).isFalse();
	}

	@Test
	void refundThenOnePermitBackButNeverBeyondCapacity() {
		this.limiter.consume("k", TWO_PER_MINUTE);
		this.limiter.consume("k", TWO_PER_MINUTE);

		this.limiter.refund("k", TWO_PER_MINUTE);
		this.limiter.refund("k", TWO_PER_MINUTE);
		this.limiter.refund("k", TWO_PER_MINUTE);

		assertThat(this.limiter.consume("k", TWO_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
		assertThat(this.limiter.consume("k", TWO_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
		assertThat(this.limiter.consume("k", TWO_PER_MINUTE).allowed()).isFalse();
	}

	/**
	 * A flood from many addresses holds no more buckets than the bound once each request
	 * has returned: eviction runs on the flooding thread, not later on a pool the flood
	 * can starve.
	 */
	@Test
	void floodOfDistinctKeysNeverHoldsMoreBucketsThanTheBound() {
		for (int i = 0; i < 20_000; i++) {
			this.limiter.consume("address-" + i, TWO_PER_MINUTE);

			assertThat(this.limiter.bucketCount()).isLessThanOrEqualTo(100);
		}
	}

	@Test
	void refundWhenNoBucketThenNothingCreated() {
		this.limiter.refund("k", TWO_PER_MINUTE);

		assertThat(this.limiter.peek("k", TWO_PER_MINUTE)).isEqualTo(Verdict.ALLOWED);
		this.limiter.consume("k", TWO_PER_MINUTE);
		this.limiter.consume("k", TWO_PER_MINUTE);
		assertThat(this.limiter.consume("k", TWO_PER_MINUTE).allowed()).isFalse();
	}

}
