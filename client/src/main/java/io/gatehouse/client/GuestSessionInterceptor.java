package io.gatehouse.client;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a guest session before a call that needs a bearer token when there is no session
 * yet, so an app can check a username before anyone logs in.
 * <p>
 * Why it calls: the guest token must exist before the call goes out, in its synchronous
 * and asynchronous forms alike ({@link TokenCalls}, on the client without session steps).
 */
final class GuestSessionInterceptor implements Interceptor {

	private final SessionKeeper sessions;

	GuestSessionInterceptor(SessionKeeper sessions) {
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
