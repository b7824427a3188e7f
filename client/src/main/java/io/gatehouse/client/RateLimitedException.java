package io.gatehouse.client;

import java.time.Duration;

/**
 * A 429 {@code rate-limited} or 503 {@code service-unavailable}: try again after
 * {@link #retryAfter()}.
 */
public class RateLimitedException extends GatehouseException {

	private static final long serialVersionUID = 1L;

	/** The wait the server asked for, or {@code null}. */
	private final Duration retryAfter;

	/**
	 * A call to retry later.
	 * @param status 429 or 503
	 * @param code the contract's code, or {@code null}
	 * @param detail the localized explanation, or {@code null}
	 * @param requestId the request id, or {@code null}
	 * @param retryAfter the wait the server asked for, or {@code null} when it named none
	 */
	public RateLimitedException(int status, String code, String detail, String requestId, Duration retryAfter) {
		super(status, code, detail, requestId, null, null);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long to wait, from the {@code Retry-After} header.
	 * @return the wait, or {@code null} when the server named none
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
