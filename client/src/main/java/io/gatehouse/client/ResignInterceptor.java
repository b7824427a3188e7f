package io.gatehouse.client;

import java.io.IOException;
import java.util.Set;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * On a 403 about the app signature, signs the call again once, with a fresh nonce (a
 * replayed nonce is never sent again); after {@code request-expired} it first corrects
 * the clock from the response's {@code Date}.
 */
final class ResignInterceptor implements Interceptor {

	private static final Set<String> SIGNATURE_CODES = Set.of("signature-missing", "signature-invalid",
			"request-expired", "request-replayed");

	private final ClockOffset clock;

	ResignInterceptor(ClockOffset clock) {
		this.clock = clock;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		String code = (response.code() == 403) ? ProblemParser.peekCode(response) : null;
		if (code == null || !SIGNATURE_CODES.contains(code)) {
			return response;
		}
		if (code.equals("request-expired")) {
			this.clock.correctFrom(response);
		}
		response.close();
		return chain.proceed(chain.request());
	}

}
