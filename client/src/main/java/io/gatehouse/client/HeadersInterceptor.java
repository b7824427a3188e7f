package io.gatehouse.client;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers of docs/contract.md §1 and the session's tokens. The innermost
 * application interceptor, so that every retry an outer interceptor makes sends the
 * current tokens.
 */
final class HeadersInterceptor implements Interceptor {

	private final Platform platform;

	private final String appVersion;

	private final String locale;

	private final TokenStore store;

	HeadersInterceptor(Platform platform, String appVersion, String locale, TokenStore store) {
		this.platform = platform;
		this.appVersion = appVersion;
		this.locale = locale;
		this.store = store;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		CallOptions options = CallOptions.of(chain.request());
		Request.Builder request = chain.request()
			.newBuilder()
			.header("x-platform", this.platform.headerValue())
			.header("x-app-version", this.appVersion)
			.header("locale", this.locale)
			.header("Content-Type", Json.MEDIA_TYPE.toString());
		Session session = options.bearer() ? this.store.load() : null;
		if (session != null) {
			request.header("Authorization", "Bearer " + session.accessToken());
			if (options.csrf() && session.csrfToken() != null) {
				request.header("x-csrf-token", session.csrfToken());
			}
		}
		if (options.username() != null) {
			request.header("x-username", options.username());
		}
		return chain.proceed(request.build());
	}

}
