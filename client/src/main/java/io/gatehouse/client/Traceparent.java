package io.gatehouse.client;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The W3C {@code traceparent} the app gives for each call, so the server's log lines of a
 * call carry the app's trace id. A value that is not a version-00 traceparent is not
 * sent: the server would start a trace of its own anyway.
 */
final class Traceparent {

	static final String HEADER = "traceparent";

	static final Traceparent NONE = new Traceparent(() -> null);

	private static final Logger logger = LoggerFactory.getLogger(GatehouseClient.class);

	// version 00, a non-zero trace id and parent id, flags (W3C Trace Context §3.2).
	private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

	private final Supplier<String> supplier;

	Traceparent(Supplier<String> supplier) {
		this.supplier = supplier;
	}

	/** The value to send now, or {@code null}. */
	String current() {
		String value = this.supplier.get();
		if (value == null) {
			return null;
		}
		if (!VALID.matcher(value).matches()) {
			logger.debug("Not sending a malformed traceparent");
			return null;
		}
		return value;
	}

}
