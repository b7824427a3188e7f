package io.gatehouse.ratelimit;

/**
 * Buckets of permits by key. The key names both the limit and the subject, for example
 * {@code login-user:bmp_kfayy_6526}; one key is always used with the same {@link Limit}.
 * The embedded default keeps buckets in memory; the cluster profile keeps them in Redis
 * so every instance counts against the same bucket.
 */
public interface RateLimiter {

	/** Takes one permit, or answers how long until one is free. */
	Verdict consume(String key, Limit limit);

	/** Answers whether a permit is free, without taking it. */
	Verdict peek(String key, Limit limit);

	/**
	 * Gives back one permit taken by {@link #consume} (never beyond the capacity): for a
	 * permit taken before slow work whose outcome turned out not to count.
	 */
	void refund(String key, Limit limit);

	/** Forgets the bucket, so the next event starts with a full one. */
	void reset(String key);

}
