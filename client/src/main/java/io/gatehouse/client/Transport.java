package io.gatehouse.client;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Runs a call on an {@link OkHttpClient} and maps its response: a success through the
 * call's {@link BodyReader}, a failure through {@link ProblemParser}. A bearer call still
 * refused as unauthenticated (after the authenticator's refresh, where the client has
 * one) is a {@link SessionExpiredException}, and {@code onSessionRefused} runs first.
 */
final class Transport {

	private static final Set<String> TOKEN_REFUSED = Set.of("invalid-token", "missing-token");

	private static final RequestBody EMPTY = RequestBody.create(new byte[0]);

	private final OkHttpClient http;

	private final HttpUrl baseUrl;

	private final Runnable onSessionRefused;

	private final Traceparent traceparent;

	Transport(OkHttpClient http, HttpUrl baseUrl, Runnable onSessionRefused, Traceparent traceparent) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.onSessionRefused = onSessionRefused;
		this.traceparent = traceparent;
	}

	OkHttpClient http() {
		return this.http;
	}

	/**
	 * A request to a path of the base URL; {@code segments} are encoded one by one. Built
	 * on the caller's thread, so the app's {@code traceparent} is the caller's too.
	 */
	Request request(String method, RequestBody body, CallOptions options, String... segments) {
		HttpUrl.Builder url = this.baseUrl.newBuilder();
		for (String segment : segments) {
			url.addPathSegment(segment);
		}
		RequestBody sent = (body == null && !method.equals("GET")) ? EMPTY : body;
		Request.Builder request = new Request.Builder().url(url.build())
			.method(method, sent)
			.tag(CallOptions.class, options);
		String trace = this.traceparent.current();
		if (trace != null) {
			request.header(Traceparent.HEADER, trace);
		}
		return request.build();
	}

	<T> T execute(Request request, BodyReader<T> reader) {
		try (Response response = this.http.newCall(request).execute()) {
			return read(request, response, reader);
		}
		catch (IOException ex) {
			throw GatehouseIOException.unwrap(ex);
		}
	}

	<T> CompletableFuture<T> executeAsync(Request request, BodyReader<T> reader) {
		CompletableFuture<T> result = new CompletableFuture<>();
		Call call = this.http.newCall(request);
		call.enqueue(new Callback() {

			@Override
			public void onResponse(Call call, Response response) {
				try (response) {
					result.complete(read(request, response, reader));
				}
				catch (IOException ex) {
					result.completeExceptionally(GatehouseIOException.unwrap(ex));
				}
				catch (RuntimeException ex) {
					result.completeExceptionally(ex);
				}
			}

			@Override
			public void onFailure(Call call, IOException ex) {
				result.completeExceptionally(GatehouseIOException.unwrap(ex));
			}

		});
		// Cancelling the future cancels the HTTP call.
		result.whenComplete((value, failure) -> {
			if (result.isCancelled()) {
				call.cancel();
			}
		});
		return result;
	}

	private <T> T read(Request request, Response response, BodyReader<T> reader) throws IOException {
		if (response.isSuccessful()) {
			return reader.read(response);
		}
		GatehouseException failure = ProblemParser.parse(response);
		if (failure.status() == 401 && CallOptions.of(request).bearer() && TOKEN_REFUSED.contains(failure.code())) {
			this.onSessionRefused.run();
			throw new SessionExpiredException(failure.status(), failure.code(), failure.detail(), failure.requestId());
		}
		throw failure;
	}

	/** Reads a successful response. */
	@FunctionalInterface
	interface BodyReader<T> {

		T read(Response response) throws IOException;

	}

}
