package io.gatehouse.appsig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves by hand. */
final class MutableClock extends Clock {

	private volatile long millis;

	private final AtomicReference<Runnable> beforeNextRead = new AtomicReference<>();

	MutableClock(long millis) {
		this.millis = millis;
	}

	void advance(Duration duration) {
		this.millis += duration.toMillis();
	}

	void set(long millis) {
		this.millis = millis;
	}

	/**
	 * Runs {@code hook} once, inside the next read of the time: after the time is read
	 * and before it is returned, as if another thread ran in between.
	 */
	void beforeNextRead(Runnable hook) {
		this.beforeNextRead.set(hook);
	}

	@Override
	public long millis() {
		long read = this.millis;
		Runnable hook = this.beforeNextRead.getAndSet(null);
		if (hook != null) {
			hook.run();
		}
		return read;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(this.millis);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
