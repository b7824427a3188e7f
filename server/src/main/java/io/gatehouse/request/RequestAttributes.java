package io.gatehouse.request;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names of the request attributes that carry per-request facts between filters, the
 * problem writer and the access log, so each is computed once.
 */
public final class RequestAttributes {

	/** The request id ({@code x-request-id}), a String. */
	public static final String REQUEST_ID = "gatehouse.requestId";

	/** The contract code of the failure answered, a String; read by the access log. */
	public static final String FAILURE_CODE = "gatehouse.failureCode";

	/** The client's address after trusted-proxy resolution, a String. */
	public static final String CLIENT_ADDRESS = "gatehouse.clientAddress";

	/**
	 * The type of the audit event already recorded for this request, a String: a request
	 * leaves at most one audit event, so a refusal audited where it was decided is not
	 * audited again when its problem is answered.
	 */
	public static final String AUDIT_RECORDED = "gatehouse.auditRecorded";

	/**
	 * {@code Boolean.TRUE} when the body exceeds {@code max-body-size}: set by the app
	 * signature step, answered 413 by step (5) of docs/contract.md §1.
	 */
	public static final String BODY_TOO_LARGE = "gatehouse.bodyTooLarge";

	/**
	 * The {@code io.gatehouse.auth.AccessTokenDigest} of the bearer token: computed by
	 * the app signature step for {@code ath}, reused by the token decoder.
	 */
	public static final String ACCESS_TOKEN_DIGEST = "gatehouse.accessTokenDigest";

	private RequestAttributes() {
	}

	public static String requestId(HttpServletRequest request) {
		Object id = request.getAttribute(REQUEST_ID);
		return (id != null) ? id.toString() : null;
	}

}
