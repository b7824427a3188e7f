package io.gatehouse.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Bucket4j buckets in a bounded Caffeine cache. A bucket idle for longer than the longest
 * period is full again anyway, so evicting it loses nothing; the size bound only matters
 * under a flood of distinct keys, where dropping the oldest buckets is the safe failure.
 */
public final class InMemoryRateLimiter implements RateLimiter {

	private final Cache<String, Bucket> buckets;

	public InMemoryRateLimiter(long maxBuckets, Duration longestPeriod) {
		// Caffeine's upkeep on the calling thread: by default it hands it to the common
		// fork-join pool, a thread wake-up every few requests under load
		// (docs/benchmarks.md).
		this.buckets = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(maxBuckets)
			.expireAfterAccess(longestPeriod)
			.build();
	}

	@Override
	public Verdict consume(String key, Limit limit) {
		return Verdict.of(bucket(key, limit).tryConsumeAndReturnRemaining(1));
	}

	@Override
	public Verdict peek(String key, Limit limit) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket == null) {
			return Verdict.ALLOWED;
		}
		return Verdict.of(bucket.estimateAbilityToConsume(1));
	}

	@Override
	public void refund(String key, Limit limit) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket != null) {
			bucket.addTokens(1);
		}
	}

	@Override
	public void reset(String key) {
		this.buckets.invalidate(key);
	}

	/** The buckets held right now, without forcing Caffeine's upkeep first. */
	long bucketCount() {
		return this.buckets.estimatedSize();
	}

	private Bucket bucket(String key, Limit limit) {
		return this.buckets.get(key,
				(k) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.capacity())
						.refillIntervally(limit.capacity(), limit.period())
						.build())
					.build());
	}

}
