package io.gatehouse.cluster;

import java.time.Duration;

import io.gatehouse.ratelimit.Limit;
import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.ratelimit.Verdict;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisException;

/**
 * Rate-limit buckets in Redis (Bucket4j's Lettuce proxy manager, compare-and-swap in a
 * Lua script), so every instance counts against the same bucket. A bucket's key expires
 * once it would be full again, so idle subjects leave nothing behind.
 */
final class RedisRateLimiter implements RateLimiter {

	/**
	 * Kept a little past the moment the bucket is full again, so a refill is never lost.
	 */
	private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

	private final RedisState redis;

	private final ProxyManager<String> buckets;

	RedisRateLimiter(RedisState redis, Duration requestTimeout) {
		this.redis = redis;
		this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new LazyRedisApi<>(redis::async))
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
			.requestTimeout(requestTimeout)
			.build();
	}

	@Override
	public Verdict consume(String key, Limit limit) {
		try {
			return Verdict.of(bucket(key, limit).tryConsumeAndReturnRemaining(1));
		}
		catch (RedisException | TimeoutException ex) {
			throw RedisState.unavailable("take a rate-limit permit", ex);
		}
	}

	@Override
	public Verdict peek(String key, Limit limit) {
		try {
			return Verdict.of(bucket(key, limit).estimateAbilityToConsume(1));
		}
		catch (RedisException | TimeoutException ex) {
			throw RedisState.unavailable("read a rate-limit bucket", ex);
		}
	}

	@Override
	public void refund(String key, Limit limit) {
		try {
			bucket(key, limit).addTokens(1);
		}
		catch (RedisException | TimeoutException ex) {
			throw RedisState.unavailable("refund a rate-limit permit", ex);
		}
	}

	@Override
	public void reset(String key) {
		try {
			this.buckets.removeProxy(redisKey(key));
		}
		catch (RedisException | TimeoutException ex) {
			throw RedisState.unavailable("reset a rate-limit bucket", ex);
		}
	}

	private BucketProxy bucket(String key, Limit limit) {
		return this.buckets.getProxy(redisKey(key),
				() -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.capacity())
						.refillIntervally(limit.capacity(), limit.period())
						.build())
					.build());
	}

	private String redisKey(String key) {
		return this.redis.key("rate:" + key);
	}

}
