package io.gatehouse.errors;

/**
 * Shared state (the nonce store, the revocation list, rate-limit buckets) could not be
 * read or written. Security checks that need it fail closed: the request is answered 503
 * {@code service-unavailable} with {@code Retry-After}, never accepted.
 */
public class StateUnavailableException extends RuntimeException {

	public StateUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
