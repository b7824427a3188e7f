package io.gatehouse.client;

import java.io.IOException;

/**
 * Carries a {@link GatehouseException} through OkHttp, whose interceptors and
 * authenticator may only throw {@link IOException}s; {@link Transport} unwraps it.
 */
final class GatehouseIOException extends IOException {

	private final GatehouseException failure;

	GatehouseIOException(GatehouseException failure) {
		super(failure.getMessage(), failure);
		this.failure = failure;
	}

	GatehouseException failure() {
		return this.failure;
	}

	static GatehouseException unwrap(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof GatehouseIOException wrapped) {
				return wrapped.failure();
			}
		}
		return new NetworkException(ex);
	}

}
