package io.gatehouse.client;

import java.io.IOException;

import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Answers a 401 {@code invalid-token} or {@code missing-token} to a bearer call by
 * renewing the session once (single flight, see {@link SessionKeeper#renew}) and retrying
 * with the new token; the signing interceptor signs the retry afresh. Gives up
 * ({@code null}) on any other 401 and on a second one. The refresh itself goes out
 * through {@link TokenCalls}, on the client without session steps.
 */
final class RefreshAuthenticator implements Authenticator {

	private final SessionKeeper sessions;

	RefreshAuthenticator(SessionKeeper sessions) {
		this.sessions = sessions;
	}

	@Override
	public Request authenticate(Route route, Response response) throws IOException {
		Request refused = response.request();
		String authorization = refused.header("Authorization");
		if (authorization == null || response.priorResponse() != null || !isTokenRefused(response)) {
			return null;
		}
		try {
			Session fresh = this.sessions.renew(authorization.substring(authorization.indexOf(' ') + 1));
			Request.Builder retry = refused.newBuilder().header("Authorization", "Bearer " + fresh.accessToken());
			if (refused.header("x-csrf-token") != null) {
				retry.removeHeader("x-csrf-token");
				if (fresh.csrfToken() != null) {
					retry.header("x-csrf-token", fresh.csrfToken());
				}
			}
			return retry.build();
		}
		catch (GatehouseException ex) {
			throw new GatehouseIOException(ex);
		}
	}

	private static boolean isTokenRefused(Response response) {
		String code = ProblemParser.peekCode(response);
		if (code == null) {
			// No problem body (a proxy, say): RFC 6750's header still tells.
			return String.valueOf(response.header("WWW-Authenticate")).contains("invalid_token");
		}
		return code.equals("invalid-token") || code.equals("missing-token");
	}

}
