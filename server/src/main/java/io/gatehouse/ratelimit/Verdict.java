package io.gatehouse.ratelimit;

import java.time.Duration;

/** Whether an event may happen now, and if not, how long until it may. */
public record Verdict(boolean allowed, Duration retryAfter) {

	public static final Verdict ALLOWED = new Verdict(true, Duration.ZERO);

	public static Verdict refused(Duration retryAfter) {
		return new Verdict(false, retryAfter);
	}

}
