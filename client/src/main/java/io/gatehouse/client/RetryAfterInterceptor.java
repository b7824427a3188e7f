package io.gatehouse.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Repeats an idempotent call refused with 429 or 503, after the {@code Retry-After} wait,
 * at most {@code maxRetries} times and only when the wait is at most {@code maxWait}. A
 * login, a registration or a PIN change is not idempotent (each counts a failure, creates
 * an account or spends a PIN attempt), so it is repeated only after a 503 whose problem
 * code is {@code service-unavailable}: the contract says the server then did nothing. A
 * 503 without that code (a proxy's, say) may have reached the server, and a 429 on those
 * calls means a limit that waiting a second rarely lifts; both are returned at once.
 */
final class RetryAfterInterceptor implements Interceptor {

	private final int maxRetries;

	private final Duration maxWait;

	RetryAfterInterceptor(int maxRetries, Duration maxWait) {
		this.maxRetries = maxRetries;
		this.maxWait = maxWait;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		CallOptions options = CallOptions.of(chain.request());
		for (int retry = 0; retry < this.maxRetries && mayRepeat(options, response); retry++) {
			Duration wait = ProblemParser.retryAfter(response);
			if (wait == null || wait.compareTo(this.maxWait) > 0) {
				break;
			}
			response.close();
			try {
				Thread.sleep(wait.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting to retry");
			}
			response = chain.proceed(chain.request());
		}
		return response;
	}

	private static boolean mayRepeat(CallOptions options, Response response) throws IOException {
		if (options.idempotent()) {
			return response.code() == 429 || response.code() == 503;
		}
		return options.undoneWhenUnavailable() && response.code() == 503 && isServiceUnavailable(response);
	}

	private static boolean isServiceUnavailable(Response response) throws IOException {
		try {
			JsonNode problem = Json.MAPPER.readTree(response.peekBody(8192).string());
			return problem != null && "service-unavailable".equals(problem.path("code").asText(null));
		}
		catch (JsonProcessingException ex) {
			return false;
		}
	}

}
