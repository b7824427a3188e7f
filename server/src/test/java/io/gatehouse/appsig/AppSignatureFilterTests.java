package io.gatehouse.appsig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.gatehouse.auth.AccessTokenDigest;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.errors.StateUnavailableException;
import io.gatehouse.request.RequestAttributes;
import io.gatehouse.support.ApiClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class AppSignatureFilterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long NOW = 1_764_000_000_000L;

	private final MutableClock clock = new MutableClock(NOW);

	private final AppSignatureProperties properties = new AppSignatureProperties(Duration.ofSeconds(300),
			Duration.ofSeconds(10), DataSize.ofMegabytes(1), DataSize.ofKilobytes(64), SignatureVerifierTests.DEMO_APPS,
			Map.of(Platform.WEB, AppVersion.valueOf("1.0.0"), Platform.ANDROID, AppVersion.valueOf("2.0.0"),
					Platform.IOS, AppVersion.valueOf("1.0.0")));

	private NonceStore nonces = new InMemoryNonceStore(Duration.ofSeconds(300), Duration.ofSeconds(10),
			DataSize.ofMegabytes(1).toBytes(), this.clock);

	private MockFilterChain chain = new MockFilterChain();

	private MockHttpServletResponse response = new MockHttpServletResponse();

	static List<SignatureVectors> vectors() {
		return SignatureVectors.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void doFilterWhenVectorThenPassesOnWithBodyReadable(SignatureVectors vector) throws Exception {
		this.clock.set(vector.ts());
		MockHttpServletRequest request = request(vector.method(), vector.path(), vector.body());
		request.addHeader("x-platform", vector.platform());
		request.addHeader("x-app-version", "2.0.0");
		request.addHeader("x-app-payload", vector.payload());
		request.addHeader("x-app-signature", vector.signature());
		if (vector.accessToken() != null) {
			request.addHeader("Authorization", "Bearer " + vector.accessToken());
		}
		doFilter(request);
		assertPassedOn();
		assertThat(StreamUtils.copyToString(this.chain.getRequest().getInputStream(), StandardCharsets.UTF_8))
			.isEqualTo(vector.body());
		AccessTokenDigest tokenDigest = (AccessTokenDigest) request.getAttribute(RequestAttributes.ACCESS_TOKEN_DIGEST);
		assertThat((tokenDigest != null) ? tokenDigest.sha256Base64Url() : null).isEqualTo(vector.ath());
		assertThat((tokenDigest != null) ? tokenDigest.token() : null).isEqualTo(vector.accessToken());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void doFilterWhenVectorOneByteFlippedThenSignatureInvalid(SignatureVectors vector) throws Exception {
		this.clock.set(vector.ts());
		MockHttpServletRequest request = request(vector.method(), vector.path(), vector.body());
		request.addHeader("x-platform", vector.platform());
		request.addHeader("x-app-version", "2.0.0");
		request.addHeader("x-app-payload", vector.payload());
		request.addHeader("x-app-signature", SignatureVerifierTests.flip(vector.signature(), 3));
		doFilter(request);
		assertRefused(403, "signature-invalid");
	}

	@Test
	void doFilterWhenNotUnderApiThenPassesOnUntouched() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/index.html");
		doFilter(request);
		assertThat(this.chain.getRequest()).isSameAs(request);
	}

	@Test
	void doFilterWhenPercentEncodedApiPathUnsignedThenSignatureMissing() throws Exception {
		MockHttpServletRequest request = signed("POST", "/%61pi/auth/guest", "", (payload) -> {
		});
		request.removeHeader("x-app-signature");
		doFilter(request);
		assertRefused(403, "signature-missing");
	}

	@Nested
	class AppHeaders {

		@ParameterizedTest
		@ValueSource(strings = { "", "WEB", "Web", "windows", " web", "web " })
		void doFilterWhenPlatformUnknownThenInvalidHeader(String platform) throws Exception {
			MockHttpServletRequest request = signedGet();
			request.removeHeader("x-platform");
			request.addHeader("x-platform", platform);
			doFilter(request);
			assertRefused(400, "invalid-header");
		}

		@Test
		void doFilterWhenPlatformMissingThenInvalidHeaderBeforeSignature() throws Exception {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
			request.addHeader("x-app-version", "1.0.0");
			doFilter(request);
			assertRefused(400, "invalid-header");
		}

		@ParameterizedTest
		@ValueSource(
				strings = { "", "1", "1.0", "1.0.0-rc1", "v1.0.0", "1.0.0.0", "a.b.c", "1.2.3.", "12345678901.0.0" })
		void doFilterWhenVersionMalformedThenInvalidHeader(String version) throws Exception {
			MockHttpServletRequest request = signedGet();
			request.removeHeader("x-app-version");
			request.addHeader("x-app-version", version);
			doFilter(request);
			assertRefused(400, "invalid-header");
		}

		@Test
		void doFilterWhenVersionMissingThenInvalidHeader() throws Exception {
			MockHttpServletRequest request = signedGet();
			request.removeHeader("x-app-version");
			doFilter(request);
			assertRefused(400, "invalid-header");
		}

		@Test
		void doFilterWhenVersionBelowPlatformMinimumThenUpgradeRequired() throws Exception {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
			request.addHeader("x-platform", "android");
			request.addHeader("x-app-version", "1.99.99");
			doFilter(request);
			assertRefused(426, "upgrade-required");
		}

		@Test
		void doFilterWhenVersionAtMinimumThenPassesOn() throws Exception {
			MockHttpServletRequest request = signedGet();
			request.removeHeader("x-app-version");
			request.addHeader("x-app-version", "1.0.0");
			doFilter(request);
			assertPassedOn();
		}

	}

	@Nested
	class Signature {

		@ParameterizedTest
		@ValueSource(strings = { "x-app-payload", "x-app-signature" })
		void doFilterWhenHeaderMissingThenSignatureMissing(String header) throws Exception {
			MockHttpServletRequest request = signedGet();
			request.removeHeader(header);
			doFilter(request);
			assertRefused(403, "signature-missing");
		}

		@ParameterizedTest
		@ValueSource(strings = { "x-app-payload", "x-app-signature" })
		void doFilterWhenHeaderSentTwiceThenSignatureInvalid(String header) throws Exception {
			MockHttpServletRequest request = signedGet();
			request.addHeader(header, request.getHeader(header));
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenPayloadOversizedThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = signed("GET", "/api/x", "",
					(payload) -> payload.put("pad", "x".repeat(SignedPayloadParser.MAX_PAYLOAD_LENGTH)));
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenPayloadNotBase64UrlThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
			request.addHeader("x-platform", "web");
			request.addHeader("x-app-version", "1.0.0");
			request.addHeader("x-app-payload", "e30=");
			request.addHeader("x-app-signature", ApiClient.sign(ApiClient.WEB_SECRET, "e30="));
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenPayloadNotJsonThenSignatureInvalid() throws Exception {
			String payload = Base64Url.encode("kid=web-demo".getBytes(StandardCharsets.UTF_8));
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
			request.addHeader("x-platform", "web");
			request.addHeader("x-app-version", "1.0.0");
			request.addHeader("x-app-payload", payload);
			request.addHeader("x-app-signature", ApiClient.sign(ApiClient.WEB_SECRET, payload));
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenTsIsTextThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("ts", Long.toString(NOW))));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenNonceLongerThan64CharactersThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("nonce", "A".repeat(65))));
			assertRefused(403, "signature-invalid");
			reset();
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("nonce", Base64Url.encode(new byte[48]))));
			assertPassedOn();
		}

		@Test
		void doFilterWhenNonceShortThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("nonce", Base64Url.encode(new byte[15]))));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenUnknownKidThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("kid", "web-retired")));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenKidOfAnotherPlatformThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = signedGet();
			request.removeHeader("x-platform");
			request.addHeader("x-platform", "ios");
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

	}

	@Nested
	class Binding {

		@Test
		void doFilterWhenMethodDiffersThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("method", "POST")));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenPathDecodedInPayloadThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/u/J%C3%BCrgen", "", (payload) -> payload.put("path", "/api/u/Jürgen")));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenQueryNotSignedThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x?a=1", "", (payload) -> payload.put("path", "/api/x")));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenPercentEncodedPathAndQuerySignedAsSentThenPassesOn() throws Exception {
			doFilter(signed("GET", "/api/u/J%C3%BCrgen?x=1&y=%2F", "", (payload) -> {
			}));
			assertPassedOn();
		}

		@Test
		void doFilterWhenBodyDiffersThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = signed("POST", "/api/x", "{\"a\":1}", (payload) -> {
			});
			request.setContent("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenAthWithoutAuthorizationThenSignatureInvalid() throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("ath",
					ApiClient.b64(ApiClient.sha256("token".getBytes(StandardCharsets.US_ASCII))))));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenAuthorizationWithoutAthThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = signedGet();
			request.addHeader("Authorization", "Bearer token");
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenAthOfAnotherTokenThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = signed("GET", "/api/x", "", (payload) -> payload.put("ath",
					ApiClient.b64(ApiClient.sha256("token".getBytes(StandardCharsets.US_ASCII)))));
			request.addHeader("Authorization", "Bearer other-token");
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenAthOfTokenThenPassesOnWithTokenDigest() throws Exception {
			byte[] digest = ApiClient.sha256("token".getBytes(StandardCharsets.US_ASCII));
			MockHttpServletRequest request = signed("GET", "/api/x", "",
					(payload) -> payload.put("ath", ApiClient.b64(digest)));
			request.addHeader("Authorization", "Bearer token");
			doFilter(request);
			assertPassedOn();
			assertThat(request.getAttribute(RequestAttributes.ACCESS_TOKEN_DIGEST))
				.isEqualTo(AccessTokenDigest.of("token"));
		}

	}

	@Nested
	class Time {

		@ParameterizedTest
		@ValueSource(longs = { -301_000, 301_000, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2 })
		void doFilterWhenTsOutsideSkewThenRequestExpired(long offset) throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("ts", NOW + offset)));
			assertRefused(403, "request-expired");
		}

		@ParameterizedTest
		@ValueSource(longs = { -300_000, 300_000 })
		void doFilterWhenTsAtSkewEdgeThenPassesOn(long offset) throws Exception {
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("ts", NOW + offset)));
			assertPassedOn();
		}

		@Test
		void doFilterWhenExpiredThenNonceNotUsedUp() throws Exception {
			String nonce = ApiClient.randomNonce();
			doFilter(signed("GET", "/api/x", "", (payload) -> {
				payload.put("nonce", nonce);
				payload.put("ts", NOW - 400_000);
			}));
			assertRefused(403, "request-expired");
			reset();
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("nonce", nonce)));
			assertPassedOn();
		}

	}

	@Nested
	class Replay {

		@Test
		void doFilterWhenSameRequestTwiceThenRequestReplayed() throws Exception {
			MockHttpServletRequest request = signedGet();
			doFilter(request);
			assertPassedOn();
			reset();
			doFilter(copy(request));
			assertRefused(403, "request-replayed");
		}

		@ParameterizedTest
		@ValueSource(longs = { 300_000, 0, -300_000 })
		void doFilterWhenReplayedAtLastMomentItsTsIsAcceptedThenRequestReplayed(long offset) throws Exception {
			// ts is accepted while the clock lies within [ts - 300 s, ts + 300 s]: the
			// nonce
			// must be remembered up to and including the last of those milliseconds.
			MockHttpServletRequest request = signed("GET", "/api/x", "", (payload) -> payload.put("ts", NOW + offset));
			doFilter(request);
			assertPassedOn();
			AppSignatureFilterTests.this.clock.set(NOW + offset + 300_000);
			reset();
			doFilter(copy(request));
			assertRefused(403, "request-replayed");
		}

		@Test
		void doFilterWhenSignatureInvalidThenNonceNotUsedUp() throws Exception {
			String nonce = ApiClient.randomNonce();
			doFilter(signed("GET", "/api/x", "", (payload) -> {
				payload.put("nonce", nonce);
				payload.put("path", "/api/y");
			}));
			assertRefused(403, "signature-invalid");
			reset();
			doFilter(signed("GET", "/api/x", "", (payload) -> payload.put("nonce", nonce)));
			assertPassedOn();
		}

		@Test
		void doFilterWhenNonceStoreUnavailableThenServiceUnavailable() throws Exception {
			AppSignatureFilterTests.this.nonces = new FixedNonceStore(null);
			doFilter(signedGet());
			assertRefused(503, "service-unavailable");
			assertThat(AppSignatureFilterTests.this.response.getHeader("Retry-After")).isEqualTo("5");
		}

		@Test
		void doFilterWhenTsOutsideTheNarrowedWindowThenRequestExpired() throws Exception {
			AppSignatureFilterTests.this.nonces = new FixedNonceStore(NonceStore.Use.OUTSIDE_WINDOW);
			doFilter(signedGet());
			assertRefused(403, "request-expired");
		}

	}

	@Nested
	class Body {

		@Test
		void doFilterWhenBodyOverMaxThenMarkedAndPassedOn() throws Exception {
			MockHttpServletRequest request = signed("POST", "/api/x", "x".repeat(70 * 1024), (payload) -> {
			});
			doFilter(request);
			assertPassedOn();
			assertThat(request.getAttribute(RequestAttributes.BODY_TOO_LARGE)).isEqualTo(Boolean.TRUE);
		}

		@Test
		void doFilterWhenBodyAtMaxThenReadableAndNotMarked() throws Exception {
			String body = "x".repeat(64 * 1024);
			MockHttpServletRequest request = signed("POST", "/api/x", body, (payload) -> {
			});
			doFilter(request);
			assertPassedOn();
			assertThat(request.getAttribute(RequestAttributes.BODY_TOO_LARGE)).isNull();
			assertThat(StreamUtils.copyToString(AppSignatureFilterTests.this.chain.getRequest().getInputStream(),
					StandardCharsets.UTF_8))
				.isEqualTo(body);
		}

		@Test
		void doFilterWhenBodyBeyondHardLimitThenPayloadTooLargeAtOnce() throws Exception {
			MockHttpServletRequest request = signed("POST", "/api/x", "x".repeat(BodyReader.HARD_LIMIT + 1),
					(payload) -> {
					});
			doFilter(request);
			assertRefused(413, "payload-too-large");
		}

		@Test
		void doFilterWhenNoBodyAndHeadersSayNoneThenPassesOnTheRequestItselfStillReadable() throws Exception {
			MockHttpServletRequest request = signedGet();
			doFilter(request);
			assertPassedOn();
			assertThat(AppSignatureFilterTests.this.chain.getRequest()).isSameAs(request);
			assertThat(request.getContentLengthLong()).isEqualTo(-1);
			assertThat(request.getReader().read()).isEqualTo(-1);
		}

		@Test
		void doFilterWhenHttp2BodyWithoutLengthThenBodyStillBound() throws Exception {
			doFilter(http2WithoutLength(signedGet(), "unsigned"));
			assertRefused(403, "signature-invalid");
		}

		@Test
		void doFilterWhenHttp2BodyWithoutLengthSignedThenPassesOnReadable() throws Exception {
			doFilter(http2WithoutLength(signed("POST", "/api/x", "{\"a\":1}", (payload) -> {
			}), "{\"a\":1}"));
			assertPassedOn();
			assertThat(StreamUtils.copyToString(AppSignatureFilterTests.this.chain.getRequest().getInputStream(),
					StandardCharsets.UTF_8))
				.isEqualTo("{\"a\":1}");
		}

		@Test
		void doFilterWhenEmptyChunkedBodyThenPassesOnItsExactLengthZero() throws Exception {
			MockHttpServletRequest request = signedGet();
			request.addHeader("Transfer-Encoding", "chunked");
			doFilter(request);
			assertPassedOn();
			assertThat(AppSignatureFilterTests.this.chain.getRequest()).isNotSameAs(request);
			assertThat(AppSignatureFilterTests.this.chain.getRequest().getContentLengthLong()).isZero();
		}

		@Test
		void doFilterWhenBodyOverMaxAndSignatureWrongThenSignatureInvalid() throws Exception {
			MockHttpServletRequest request = signed("POST", "/api/x", "x".repeat(70 * 1024),
					(payload) -> payload.put("method", "PUT"));
			doFilter(request);
			assertRefused(403, "signature-invalid");
		}

	}

	private MockHttpServletRequest signedGet() {
		return signed("GET", "/api/x", "", (payload) -> {
		});
	}

	/** A request signed as ApiClient signs, with the payload edited before signing. */
	private MockHttpServletRequest signed(String method, String target, String body,
			Consumer<Map<String, Object>> edit) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kid", ApiClient.WEB_KID);
		payload.put("ts", this.clock.millis());
		payload.put("nonce", ApiClient.randomNonce());
		payload.put("method", method);
		payload.put("path", target);
		payload.put("bodySha256", ApiClient.b64(ApiClient.sha256(body.getBytes(StandardCharsets.UTF_8))));
		edit.accept(payload);
		String encoded = ApiClient.b64(JSON.writeValueAsBytes(payload));
		MockHttpServletRequest request = request(method, target, body);
		request.addHeader("x-platform", "web");
		request.addHeader("x-app-version", "1.4.0");
		request.addHeader("x-app-payload", encoded);
		request.addHeader("x-app-signature", ApiClient.sign(ApiClient.WEB_SECRET, encoded));
		return request;
	}

	/**
	 * {@code signed}'s method, path and headers over HTTP/2 with {@code body}, whose
	 * length is not announced (HTTP/2 needs no {@code Content-Length}).
	 */
	private static MockHttpServletRequest http2WithoutLength(MockHttpServletRequest signed, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest(signed.getMethod(), signed.getRequestURI()) {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		for (String name : Collections.list(signed.getHeaderNames())) {
			request.addHeader(name, signed.getHeader(name));
		}
		request.setProtocol("HTTP/2.0");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	private static MockHttpServletRequest request(String method, String target, String body) {
		int query = target.indexOf('?');
		MockHttpServletRequest request = new MockHttpServletRequest(method,
				(query < 0) ? target : target.substring(0, query));
		if (query >= 0) {
			request.setQueryString(target.substring(query + 1));
		}
		if (!body.isEmpty()) {
			request.setContent(body.getBytes(StandardCharsets.UTF_8));
		}
		return request;
	}

	private static MockHttpServletRequest copy(MockHttpServletRequest original) throws IOException {
		MockHttpServletRequest copy = new MockHttpServletRequest(original.getMethod(), original.getRequestURI());
		for (String name : List.of("x-platform", "x-app-version", "x-app-payload", "x-app-signature")) {
			copy.addHeader(name, original.getHeader(name));
		}
		return copy;
	}

	private void doFilter(MockHttpServletRequest request) throws ServletException, IOException {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ProblemWriter problems = new ProblemWriter(messages, JSON, new SimpleMeterRegistry());
		SignatureVerifier verifier = new SignatureVerifier(this.properties.apps());
		AppSignatureFilter filter = new AppSignatureFilter(
				new SignedRequestCheck(this.properties, verifier, this.nonces, this.clock), problems);
		filter.doFilter(request, this.response, this.chain);
	}

	private void reset() {
		this.chain = new MockFilterChain();
		this.response = new MockHttpServletResponse();
	}

	private void assertPassedOn() throws IOException {
		assertThat(this.response.getContentAsString()).isEmpty();
		assertThat(this.chain.getRequest()).isNotNull();
	}

	private void assertRefused(int status, String code) throws IOException {
		assertThat(this.chain.getRequest()).as("passed on").isNull();
		assertThat(this.response.getStatus()).isEqualTo(status);
		assertThat(this.response.getContentType()).isEqualTo("application/problem+json");
		assertThat(JSON.readTree(this.response.getContentAsString()).get("code").asString()).isEqualTo(code);
	}

	/** Answers one verdict, or fails as an unreachable store when it is null. */
	private record FixedNonceStore(NonceStore.Use use) implements NonceStore {

		@Override
		public Use firstUse(String kid, String nonce, long ts) {
			if (this.use == null) {
				throw new StateUnavailableException("down", null);
			}
			return this.use;
		}

		@Override
		public ReplayState state() {
			return new ReplayState(0, 0, 0, 0);
		}

	}

}
