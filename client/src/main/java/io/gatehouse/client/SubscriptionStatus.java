package io.gatehouse.client;

import java.util.Locale;

/**
 * A Stripe subscription status as the username check reports it. A value that this
 * version of the SDK does not know (Stripe adds some now and then) maps to
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum SubscriptionStatus {

	/** {@code active}. */
	ACTIVE,

	/** {@code trialing}. */
	TRIALING,

	/** {@code past_due}. */
	PAST_DUE,

	/** {@code canceled}. */
	CANCELED,

	/** {@code unpaid}. */
	UNPAID,

	/** {@code incomplete}. */
	INCOMPLETE,

	/** {@code incomplete_expired}. */
	INCOMPLETE_EXPIRED,

	/** {@code paused}. */
	PAUSED,

	/** A status that this SDK does not know yet. */
	UNKNOWN;

	/**
	 * The status named by a wire value.
	 * @param value the JSON value, for example {@code past_due}, or {@code null}
	 * @return the status, {@link #UNKNOWN} for a value this SDK does not know, or
	 * {@code null} for {@code null}
	 */
	public static SubscriptionStatus fromWire(String value) {
		if (value == null) {
			return null;
		}
		for (SubscriptionStatus status : values()) {
			if (status != UNKNOWN && status.wireValue().equals(value)) {
				return status;
			}
		}
		return UNKNOWN;
	}

	/**
	 * The JSON value of this status.
	 * @return for example {@code past_due}; {@code unknown} for {@link #UNKNOWN}
	 */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
