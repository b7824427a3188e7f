package io.gatehouse.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/** Whether an event may happen now, and if not, how long until it may. */
public record Verdict(boolean allowed, Duration retryAfter) {

	public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

	public static Verdict refused(Duration retryAfter) {
		return new Verdict(false, retryAfter);
	}

	/** The verdict of a Bucket4j attempt to take a permit (in memory or in Redis). */
	public static Verdict of(ConsumptionProbe probe) {
		return probe.isConsumed() ? ALLOWED : refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** The verdict of a Bucket4j look at a bucket without taking a permit. */
	public static Verdict of(EstimationProbe probe) {
		return probe.canBeConsumed() ? ALLOWED : refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
