package io.gatehouse.client;

import java.io.IOException;

/**
 * No response was received: the server could not be reached, the connection broke, or the
 * call timed out or was cancelled. {@link #status()} is {@code 0}.
 */
public class NetworkException extends GatehouseException {

	private static final long serialVersionUID = 1L;

	/**
	 * A failed exchange.
	 * @param cause the I/O failure
	 */
	public NetworkException(IOException cause) {
		super(0, null, "Gatehouse could not be reached: " + cause, null, null, cause);
	}

}
