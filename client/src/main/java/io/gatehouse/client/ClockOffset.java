package io.gatehouse.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Response;

/**
 * The client's clock, corrected by what the server's {@code Date} header taught it after
 * a {@code request-expired}, so that signed timestamps fall inside the server's window.
 */
final class ClockOffset {

	private final Clock clock;

	private final AtomicLong offsetMillis = new AtomicLong();

	ClockOffset(Clock clock) {
		this.clock = clock;
	}

	long millis() {
		return this.clock.millis() + this.offsetMillis.get();
	}

	Instant now() {
		return Instant.ofEpochMilli(millis());
	}

	/**
	 * Learns the offset from the response's {@code Date}; a response without one changes
	 * nothing.
	 */
	void correctFrom(Response response) {
		Date serverTime = response.headers().getDate("Date");
		if (serverTime != null) {
			this.offsetMillis.set(serverTime.getTime() - this.clock.millis());
		}
	}

}
