package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import io.gatehouse.crypto.Sha256;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import static io.gatehouse.request.RequestAttributes.ACCESS_TOKEN_DIGEST;

/**
 * An access token with its SHA-256, computed once per request: the app-signature filter
 * needs it for {@code ath} and stores it under
 * {@code RequestAttributes.ACCESS_TOKEN_DIGEST}; the token decoder keys its cache of
 * verified tokens on it.
 *
 * @param token the compact JWT as sent
 * @param sha256 the SHA-256 of the token's bytes (UTF-8; a real token is ASCII, and UTF-8
 * keeps a non-ASCII forgery from hashing like another token)
 */
public record AccessTokenDigest(String token, byte[] sha256) {

	public AccessTokenDigest {
		sha256 = sha256.clone();
	}

	/** Hashes the token. */
	public static AccessTokenDigest of(String token) {
		return new AccessTokenDigest(token, Sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The digest the current request holds for this very token, or a new one (remembered
	 * on the request when there is one).
	 */
	public static AccessTokenDigest forCurrentRequest(String token) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return of(token);
		}
		if (request.getAttribute(ACCESS_TOKEN_DIGEST,
				RequestAttributes.SCOPE_REQUEST) instanceof AccessTokenDigest stored && stored.token().equals(token)) {
			return stored;
		}
		AccessTokenDigest digest = of(token);
		request.setAttribute(ACCESS_TOKEN_DIGEST, digest, RequestAttributes.SCOPE_REQUEST);
		return digest;
	}

	@Override
	public byte[] sha256() {
		return this.sha256.clone();
	}

	/** The SHA-256 in base64url without padding, as {@code ath} carries it. */
	public String sha256Base64Url() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(this.sha256);
	}

	/** Whether {@code candidate} (raw SHA-256 bytes) is this digest, in constant time. */
	public boolean matches(byte[] candidate) {
		return candidate != null && MessageDigest.isEqual(this.sha256, candidate);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccessTokenDigest digest && MessageDigest.isEqual(this.sha256, digest.sha256);
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(this.sha256);
	}

	/** Never the token: it is a credential. */
	@Override
	public String toString() {
		return "AccessTokenDigest[sha256=" + sha256Base64Url() + "]";
	}

}
