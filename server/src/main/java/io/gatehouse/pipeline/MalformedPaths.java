package io.gatehouse.pipeline;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.routes.ApiRoutes;

/**
 * The problem for a request refused before it reached a controller (by the servlet
 * container or Spring Security's firewall): under the username check it is still a bad
 * username (docs/contract.md §3: percent-encoded slashes, dot segments, control
 * characters), so it answers {@code invalid-username}; anywhere else
 * {@code invalid-request}.
 */
final class MalformedPaths {

	private MalformedPaths() {
	}

	static ApiException problemFor(String rawUri, int status) {
		if (status == 400 && rawUri != null && rawUri.startsWith(ApiRoutes.CHECK_USERNAME)) {
			return new ApiException(ErrorCode.INVALID_USERNAME, "username path refused before routing");
		}
		return new ApiException(ErrorCode.forStatus(status), "request refused before routing");
	}

}
