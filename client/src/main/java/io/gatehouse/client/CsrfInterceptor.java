package io.gatehouse.client;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches a CSRF token before the first call that needs one, and on a 403
 * {@code csrf-missing} or {@code csrf-invalid} fetches a new one and retries once.
 * <p>
 * Why it calls: only inside the chain can a 403 be answered by a retry of the same call,
 * synchronous or asynchronous ({@link TokenCalls}, on the client without session steps).
 */
final class CsrfInterceptor implements Interceptor {

	private final SessionKeeper sessions;

	CsrfInterceptor(SessionKeeper sessions) {
		this.sessions = sessions;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		if (!CallOptions.of(request).csrf()) {
			return chain.proceed(request);
		}
		try {
			this.sessions.ensureCsrf(null);
			Session session = this.sessions.current();
			String sent = (session != null) ? session.csrfToken() : null;
			Response response = chain.proceed(request);
			if (response.code() != 403 || !String.valueOf(ProblemParser.peekCode(response)).startsWith("csrf-")) {
				return response;
			}
			response.close();
			this.sessions.ensureCsrf(sent);
			return chain.proceed(request);
		}
		catch (GatehouseException ex) {
			throw new GatehouseIOException(ex);
		}
	}

}
