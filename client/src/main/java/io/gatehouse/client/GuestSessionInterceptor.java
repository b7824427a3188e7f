package io.gatehouse.client;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a guest session before a call that needs a bearer token when there is no session
 * yet, so an app can check a username before anyone logs in.
 */
final class GuestSessionInterceptor implements Interceptor {

	private final Sessions sessions;

	GuestSessionInterceptor(Sessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		if (CallOptions.of(chain.request()).bearer()) {
			try {
				this.sessions.ensure();
			}
			catch (GatehouseException ex) {
				throw new GatehouseIOException(ex);
			}
		}
		return chain.proceed(chain.request());
	}

}
