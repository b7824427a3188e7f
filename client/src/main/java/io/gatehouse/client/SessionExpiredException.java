package io.gatehouse.client;

/**
 * The session has ended and could not be renewed: the refresh token was invalid, expired
 * or reused, or a call was refused again after a refresh. The client has already cleared
 * its {@link TokenStore}; the user has to log in again.
 */
public class SessionExpiredException extends GatehouseException {

	private static final long serialVersionUID = 1L;

	/**
	 * A session that ended.
	 * @param status the HTTP status (401)
	 * @param code the contract's code, for example {@code refresh-token-reused}
	 * @param detail the localized explanation, or {@code null}
	 * @param requestId the request id, or {@code null}
	 */
	public SessionExpiredException(int status, String code, String detail, String requestId) {
		super(status, code, detail, requestId, null, null);
	}

}
