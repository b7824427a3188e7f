package io.gatehouse.appsig;

/**
 * The decoded {@code x-app-payload} (docs/contract.md §1). Well-formed, not yet verified.
 *
 * @param kid the app key that signed it
 * @param ts Unix milliseconds when it was signed
 * @param nonce base64url of 16 or more random bytes
 * @param method the request's method
 * @param path the request target as sent: raw path plus {@code ?query}
 * @param bodySha256 base64url SHA-256 of the body bytes
 * @param ath base64url SHA-256 of the access token, or {@code null} without one
 */
public record SignedPayload(String kid, long ts, String nonce, String method, String path, String bodySha256,
		String ath) {

}
