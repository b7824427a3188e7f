package io.gatehouse.client;

/**
 * A response that is not what the contract promises: an error without a problem+json body
 * (an HTML page from a proxy, say), or a JSON body that is malformed, truncated or lacks
 * a required field.
 */
public class UnexpectedResponseException extends GatehouseException {

	private static final long serialVersionUID = 1L;

	/**
	 * A response the client cannot read.
	 * @param status the HTTP status
	 * @param detail what was wrong with it
	 * @param requestId the request id, or {@code null}
	 * @param cause the parse failure, or {@code null}
	 */
	public UnexpectedResponseException(int status, String detail, String requestId, Throwable cause) {
		super(status, null, detail, requestId, null, cause);
	}

}
