package io.gatehouse.client;

import java.time.Clock;

/**
 * The SDK's own {@link RequestSigner}, opened to the benchmarks so that the requests wrk
 * replays are signed exactly as an app signs them (bench/side-by-side.sh). Not part of
 * the SDK: it lives in the bench module only.
 */
public final class BenchSigner {

	private final RequestSigner signer;

	public BenchSigner(String kid, String secret) {
		this.signer = new RequestSigner(kid, secret, new ClockOffset(Clock.systemUTC()));
	}

	/**
	 * Signs one request with a fresh nonce and the current time.
	 * @return the values of {@code x-app-payload} and {@code x-app-signature}
	 */
	public String[] sign(String method, String path, byte[] body, String accessToken) {
		RequestSigner.Signature signature = this.signer.sign(method, path, body, accessToken);
		return new String[] { signature.payload(), signature.signature() };
	}

}
