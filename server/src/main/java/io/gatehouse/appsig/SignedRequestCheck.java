package io.gatehouse.appsig;

import java.io.IOException;
import java.time.Clock;
import java.util.Enumeration;

import io.gatehouse.auth.AccessTokenDigest;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.request.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;

/**
 * docs/contract.md §1 steps (1) and (2) for one request, in the contract's order: app
 * headers, signature, binding to this request, time, then the nonce. The nonce is used up
 * only once everything before it passed, and then for good, whatever later steps answer.
 * Throws {@link ApiException} with the contract code of the first failure.
 */
final class SignedRequestCheck {

	private static final String BEARER = "Bearer ";

	private final AppSignatureProperties properties;

	private final AppHeaderCheck headers;

	private final SignatureVerifier verifier;

	private final NonceStore nonces;

	private final Clock clock;

	SignedRequestCheck(AppSignatureProperties properties, SignatureVerifier verifier, NonceStore nonces, Clock clock) {
		this.properties = properties;
		this.headers = new AppHeaderCheck(properties.minimumVersions());
		this.verifier = verifier;
		this.nonces = nonces;
		this.clock = clock;
	}

	/** The request with its body read, hashed and readable again (when it has one). */
	HttpServletRequest check(HttpServletRequest request) {
		long contentLength = request.getContentLengthLong();
		if (contentLength > BodyReader.HARD_LIMIT) {
			// The HTTP layer's refusal: nothing of such a body is read.
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Content-Length beyond the hard limit");
		}
		Platform platform = this.headers.check(request);
		String payloadHeader = single(request, "x-app-payload");
		String signatureHeader = single(request, "x-app-signature");
		if (payloadHeader == null || signatureHeader == null) {
			throw new ApiException(ErrorCode.SIGNATURE_MISSING, "x-app-payload or x-app-signature missing");
		}
		SignedPayload payload = this.verifier.verify(platform, payloadHeader, signatureHeader);
		boolean noBody = framedWithoutBody(request, contentLength);
		BodyReader.Body body = noBody ? BodyReader.Body.EMPTY : readBody(request, contentLength);
		String query = request.getQueryString();
		// Raw as sent: Tomcat's getRequestURI() and getQueryString() are not decoded.
		String target = (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
		this.verifier.checkBinding(payload, request.getMethod(), target, body.sha256(), ath(request));
		long now = this.clock.millis();
		checkTime(payload.ts(), now);
		switch (this.nonces.firstUse(payload.kid(), payload.nonce(), payload.ts())) {
			case REPLAYED -> throw new ApiException(ErrorCode.REQUEST_REPLAYED, "nonce already used");
			case OUTSIDE_WINDOW -> throw new ApiException(ErrorCode.REQUEST_EXPIRED, "ts outside the narrowed window");
			case FIRST -> {
			}
		}
		if (body.tooLarge()) {
			request.setAttribute(RequestAttributes.BODY_TOO_LARGE, Boolean.TRUE);
		}
		return noBody ? request : new CachedBodyRequest(request, body.bytes());
	}

	/**
	 * Whether the request's framing says it has no body: an HTTP/1.x request with neither
	 * a length (or a length of 0) nor {@code Transfer-Encoding} (RFC 9112 §6.3; Tomcat
	 * gives such a request an empty stream, and bytes sent after it start the next
	 * request). Its stream is then left unread and the request goes on as it is: most API
	 * calls are such GETs, and a wrapper more would sit under every later call on the
	 * request (docs/benchmarks.md). Any other request, HTTP/2 included, is read and
	 * wrapped.
	 */
	private static boolean framedWithoutBody(HttpServletRequest request, long contentLength) {
		return request.getProtocol().startsWith("HTTP/1.") && contentLength <= 0
				&& request.getHeader("Transfer-Encoding") == null;
	}

	private BodyReader.Body readBody(HttpServletRequest request, long contentLength) {
		try {
			return BodyReader.read(request.getInputStream(), contentLength,
					(int) this.properties.maxBodySize().toBytes());
		}
		catch (BodyReader.BeyondHardLimitException ex) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "body beyond the hard limit");
		}
		catch (IOException ex) {
			throw new ApiException(ErrorCode.INVALID_REQUEST, "body could not be read");
		}
	}

	/**
	 * The base64url SHA-256 of the access token (the part after {@code Bearer }, as
	 * Spring's resolver takes it; the whole value for another scheme), or {@code null}
	 * without an Authorization header. The digest stays on the request so the token
	 * decoder's cache need not hash again.
	 */
	private static String ath(HttpServletRequest request) {
		String authorization = single(request, "Authorization");
		if (authorization == null) {
			return null;
		}
		String token = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
				? authorization.substring(BEARER.length()) : authorization;
		AccessTokenDigest digest = AccessTokenDigest.of(token);
		request.setAttribute(RequestAttributes.ACCESS_TOKEN_DIGEST, digest);
		return digest.sha256Base64Url();
	}

	private void checkTime(long ts, long now) {
		long skew = this.properties.maxClockSkew().toMillis();
		// No subtraction of ts: a huge or negative ts cannot overflow past the check.
		if (ts < now - skew || ts > now + skew) {
			throw new ApiException(ErrorCode.REQUEST_EXPIRED, "ts outside the allowed clock skew");
		}
	}

	/**
	 * The header's only value, or {@code null}; sent twice is {@code signature-invalid}.
	 */
	private static String single(HttpServletRequest request, String name) {
		Enumeration<String> values = request.getHeaders(name);
		if (values == null || !values.hasMoreElements()) {
			return null;
		}
		String value = values.nextElement();
		if (values.hasMoreElements()) {
			throw SignedPayloadParser.invalid(name + " sent more than once");
		}
		return value;
	}

}
