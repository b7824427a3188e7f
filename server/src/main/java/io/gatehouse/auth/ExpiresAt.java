package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Expiry;

/**
 * A Caffeine expiry that lets each entry live until an instant its value names (a token's
 * {@code exp}, the end of a revocation), read against the application's clock; reads do
 * not extend it.
 */
final class ExpiresAt<K, V> implements Expiry<K, V> {

	private final Clock clock;

	private final Function<V, Instant> end;

	ExpiresAt(Clock clock, Function<V, Instant> end) {
		this.clock = clock;
		this.end = end;
	}

	@Override
	public long expireAfterCreate(K key, V value, long currentTime) {
		return remainingNanos(value);
	}

	@Override
	public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
		return remainingNanos(value);
	}

	@Override
	public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
		return currentDuration;
	}

	private long remainingNanos(V value) {
		Duration remaining = Duration.between(this.clock.instant(), this.end.apply(value));
		return remaining.isNegative() ? 0 : remaining.toNanos();
	}

}
