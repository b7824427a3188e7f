package io.gatehouse.client;

import okhttp3.Request;

/**
 * What a call needs beyond the headers of every call, attached to its {@link Request} as
 * a tag so that interceptors and the authenticator read it on every attempt.
 *
 * @param bearer whether the call sends the session's access token
 * @param csrf whether the call sends the session's CSRF token
 * @param username the {@code x-username} header, or {@code null}
 * @param idempotent whether the call may be repeated after a 429 or 503
 * @param undoneWhenUnavailable whether a 503 {@code service-unavailable} means the server
 * did nothing (docs/contract.md §2: token, register and PIN refused for hashing load), so
 * that the call may be repeated after that 503 (and only after it) though it is not
 * idempotent
 */
record CallOptions(boolean bearer, boolean csrf, String username, boolean idempotent, boolean undoneWhenUnavailable) {

	static final CallOptions ANONYMOUS = new CallOptions(false, false, null, false, false);

	static final CallOptions BEARER = new CallOptions(true, false, null, true, false);

	static final CallOptions BEARER_CSRF = new CallOptions(true, true, null, false, false);

	static CallOptions of(Request request) {
		CallOptions options = request.tag(CallOptions.class);
		return (options != null) ? options : ANONYMOUS;
	}

	CallOptions asIdempotent() {
		return new CallOptions(this.bearer, this.csrf, this.username, true, this.undoneWhenUnavailable);
	}

	CallOptions retryingWhenUnavailable() {
		return new CallOptions(this.bearer, this.csrf, this.username, this.idempotent, true);
	}

	CallOptions withUsername(String username) {
		return new CallOptions(this.bearer, this.csrf, username, this.idempotent, this.undoneWhenUnavailable);
	}

}
