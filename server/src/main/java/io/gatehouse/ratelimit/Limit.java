package io.gatehouse.ratelimit;

import java.time.Duration;

/**
 * At most {@code capacity} events per {@code period}; the bucket refills whole at the end
 * of each period, so a burst can never exceed the stated count within one window.
 */
public record Limit(long capacity, Duration period) {

	public Limit {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		if (period == null || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("period must be positive");
		}
	}

}
