package io.gatehouse.routes;

import java.util.List;

import io.gatehouse.errors.ErrorCode;

import org.springframework.http.HttpMethod;

/**
 * One operation of the API and the facts the filters and the OpenAPI description need
 * about it, declared once in {@link ApiRoutes}.
 *
 * @param method the HTTP method
 * @param path the path template, as the controller maps it
 * @param access who may call it (docs/contract.md §2)
 * @param csrf whether a bearer call must send {@code x-csrf-token} (docs/contract.md §1
 * step (4))
 * @param failures the notable failures of this operation, beyond those every call can
 * meet
 */
public record ApiRoute(HttpMethod method, String path, Access access, boolean csrf, List<ErrorCode> failures) {

	public ApiRoute {
		failures = List.copyOf(failures);
	}

	/** A token grant: no bearer token, so no CSRF token either. */
	static ApiRoute grant(HttpMethod method, String path, ErrorCode... failures) {
		return new ApiRoute(method, path, Access.PUBLIC, false, List.of(failures));
	}

	/** A call with a guest or user token and the session's CSRF token. */
	static ApiRoute bearer(HttpMethod method, String path, ErrorCode... failures) {
		return new ApiRoute(method, path, Access.BEARER, true, List.of(failures));
	}

	/** A call that needs a user's token (the controller refuses a guest) and CSRF. */
	static ApiRoute user(HttpMethod method, String path, ErrorCode... failures) {
		return new ApiRoute(method, path, Access.USER, true, List.of(failures));
	}

	/** The same route without the CSRF check. */
	ApiRoute withoutCsrf() {
		return new ApiRoute(this.method, this.path, this.access, false, this.failures);
	}

	/**
	 * {@code "METHOD /path/{template}"}, as the OpenAPI description keys an operation.
	 */
	public String key() {
		return this.method.name() + " " + this.path;
	}

	/** Whether a bearer token is needed. */
	public boolean needsBearer() {
		return this.access != Access.PUBLIC;
	}

	/** Who may call a route. */
	public enum Access {

		/** No bearer token; one sent along is ignored (the token grants). */
		PUBLIC,

		/** A guest or user bearer token. */
		BEARER,

		/** A user's bearer token; the controller answers a guest 403. */
		USER

	}

}
