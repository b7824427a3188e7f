package io.gatehouse.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Repeats an idempotent call refused with 429 or 503, after the {@code Retry-After} wait,
 * at most {@code maxRetries} times and only when the wait is at most {@code maxWait}.
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
		boolean idempotent = CallOptions.of(chain.request()).idempotent();
		for (int retry = 0; idempotent && retry < this.maxRetries && isBusy(response); retry++) {
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

	private static boolean isBusy(Response response) {
		return response.code() == 429 || response.code() == 503;
	}

}
