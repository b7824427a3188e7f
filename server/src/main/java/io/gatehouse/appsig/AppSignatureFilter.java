package io.gatehouse.appsig;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Enumeration;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.errors.StateUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * CONTRACT §1, steps (1) and (2), on every {@code /api/**} request before anything else:
 * the app headers (400/426), then the signed payload, its binding to this request, its
 * time and its nonce (403). It reads the body once to hash it and hands the request on
 * with the body readable again; a body over {@code max-body-size} is only marked, and
 * answered 413 by {@link PayloadTooLargeFilter} after the bearer and CSRF checks.
 */
public final class AppSignatureFilter extends OncePerRequestFilter {

	/** Set (to {@code Boolean.TRUE}) when the body exceeds {@code max-body-size}. */
	public static final String BODY_TOO_LARGE = AppSignatureFilter.class.getName() + ".bodyTooLarge";

	/**
	 * The SHA-256 (raw bytes) of the bearer token, computed here for {@code ath} once and
	 * reused as the verified-token cache key.
	 */
	public static final String ACCESS_TOKEN_SHA256 = "io.gatehouse.auth.AccessTokenDigest";

	private static final Logger log = LoggerFactory.getLogger(AppSignatureFilter.class);

	private static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(5);

	private final AppSignatureProperties properties;

	private final AppHeaderCheck headers;

	private final SignatureVerifier verifier;

	private final NonceStore nonces;

	private final Clock clock;

	private final ProblemWriter problems;

	AppSignatureFilter(AppSignatureProperties properties, SignatureVerifier verifier, NonceStore nonces, Clock clock,
			ProblemWriter problems) {
		this.properties = properties;
		this.headers = new AppHeaderCheck(properties.minimumVersions());
		this.verifier = verifier;
		this.nonces = nonces;
		this.clock = clock;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decoded, as the security matchers and MVC see it: "/%61pi/..." is an API call
		// too.
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		return !path.startsWith("/api/") && !path.equals("/api");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked;
		try {
			checked = check(request);
		}
		catch (ApiException ex) {
			log.debug("Refused {}: {}", ex.code().code(), ex.getMessage());
			this.problems.write(request, response, ex);
			return;
		}
		catch (StateUnavailableException ex) {
			log.warn("Nonce store unavailable: {}", ex.getMessage());
			this.problems.write(request, response,
					ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, RETRY_AFTER_OUTAGE));
			return;
		}
		chain.doFilter(checked, response);
	}

	private HttpServletRequest check(HttpServletRequest request) {
		if (request.getContentLengthLong() > BodyReader.HARD_LIMIT) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "Content-Length beyond the hard limit");
		}
		Platform platform = this.headers.check(request);
		String payloadHeader = single(request, "x-app-payload");
		String signatureHeader = single(request, "x-app-signature");
		if (payloadHeader == null || signatureHeader == null) {
			throw new ApiException(ErrorCode.SIGNATURE_MISSING, "x-app-payload or x-app-signature missing");
		}
		SignedPayload payload = this.verifier.verify(platform, payloadHeader, signatureHeader);
		BodyReader.Body body = readBody(request);
		String target = (request.getQueryString() != null) ? request.getRequestURI() + "?" + request.getQueryString()
				: request.getRequestURI();
		this.verifier.checkBinding(payload, request.getMethod(), target, body.sha256(), ath(request));
		checkTime(payload.ts());
		if (!this.nonces.firstUse(payload.kid(), payload.nonce(), this.properties.nonceTtl())) {
			throw new ApiException(ErrorCode.REQUEST_REPLAYED, "nonce already used");
		}
		if (body.tooLarge()) {
			request.setAttribute(BODY_TOO_LARGE, Boolean.TRUE);
		}
		return new CachedBodyRequest(request, body.bytes());
	}

	private BodyReader.Body readBody(HttpServletRequest request) {
		try {
			return BodyReader.read(request.getInputStream(), request.getContentLengthLong(),
					(int) this.properties.maxBodySize().toBytes());
		}
		catch (BodyReader.BeyondHardLimitException ex) {
			throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "body beyond the hard limit");
		}
		catch (IOException ex) {
			throw new ApiException(ErrorCode.INVALID_REQUEST, "body could not be read");
		}
	}

	/** The base64url SHA-256 of the bearer token, or {@code null} without one. */
	private static String ath(HttpServletRequest request) {
		String authorization = single(request, "Authorization");
		if (authorization == null) {
			return null;
		}
		byte[] digest = BearerDigest.of(authorization);
		request.setAttribute(ACCESS_TOKEN_SHA256, digest);
		return Base64Url.encode(digest);
	}

	private void checkTime(long ts) {
		long now = this.clock.millis();
		long skew = this.properties.maxClockSkew().toMillis();
		// Compared without subtracting ts: a huge or negative ts cannot overflow past the
		// check.
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
