package io.gatehouse.client;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG: method, path, status, duration and request id. Never a
 * header or a body, so never a token, CSRF token, signature, password or PIN.
 */
final class LoggingInterceptor implements Interceptor {

	private static final Logger logger = LoggerFactory.getLogger(GatehouseClient.class);

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		long start = System.nanoTime();
		try {
			Response response = chain.proceed(request);
			logger.debug("{} {} -> {} in {} ms, request id {}", request.method(), request.url().encodedPath(),
					response.code(), elapsedMillis(start), response.header("x-request-id"));
			return response;
		}
		catch (IOException ex) {
			logger.debug("{} {} failed after {} ms: {}", request.method(), request.url().encodedPath(),
					elapsedMillis(start), ex.toString());
			throw ex;
		}
	}

	private static long elapsedMillis(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
