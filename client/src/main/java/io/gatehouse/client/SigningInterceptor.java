package io.gatehouse.client;

import java.io.IOException;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs each attempt as it goes on the wire (a network interceptor, so an authenticator's
 * retry is signed again with a fresh nonce and the {@code ath} of its new token). The
 * body is written once, hashed, and those very bytes are sent.
 */
final class SigningInterceptor implements Interceptor {

	private final RequestSigner signer;

	SigningInterceptor(RequestSigner signer) {
		this.signer = signer;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		Buffer body = new Buffer();
		if (request.body() != null) {
			request.body().writeTo(body);
		}
		byte[] bytes = body.readByteArray();
		HttpUrl url = request.url();
		String target = (url.encodedQuery() != null) ? url.encodedPath() + "?" + url.encodedQuery() : url.encodedPath();
		String authorization = request.header("Authorization");
		String token = (authorization != null) ? authorization.substring(authorization.indexOf(' ') + 1) : null;
		RequestSigner.Signature signature = this.signer.sign(request.method(), target, bytes, token);
		Request.Builder signed = request.newBuilder()
			.header("x-app-payload", signature.payload())
			.header("x-app-signature", signature.signature());
		if (request.body() != null) {
			signed.method(request.method(), RequestBody.create(bytes, request.body().contentType()));
		}
		return chain.proceed(signed.build());
	}

}
