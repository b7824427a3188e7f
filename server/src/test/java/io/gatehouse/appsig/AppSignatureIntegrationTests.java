package io.gatehouse.appsig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/contract.md §1 over real HTTP, one test per row of its rules: every failure
 * answers the contract's status and code as problem+json, and what passes reaches the
 * next step (shown by the next step's own answer: 401 from the bearer check, 404 from
 * MVC).
 */
@IntegrationTest
class AppSignatureIntegrationTests {

	/** A route behind the bearer check: a 401 here proves steps (1) and (2) passed. */
	static final String SECURED = "/api/customers/check-username/bmp_kfayy_6526";

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void requestWhenSignedThenReachesBearerCheck() {
		ApiResponse response = this.api.get(SECURED).send();
		assertProblem(response, 401, "missing-token");
	}

	@Test
	void requestWhenNotUnderApiThenNoSignatureNeeded() {
		ApiResponse response = this.api.get("/actuator/health").unsigned().header("x-platform", null).send();
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void requestWhenApiPathPercentEncodedAndUnsignedThenSignatureMissing() {
		ApiResponse response = this.api.post("/%61pi/auth/guest").unsigned().send();
		assertProblem(response, 403, "signature-missing");
	}

	@Nested
	class AppHeaders {

		@ParameterizedTest
		@ValueSource(strings = { "windows", "WEB", "" })
		void requestWhenPlatformUnknownThenInvalidHeader(String platform) {
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).header("x-platform", platform).send(), 400,
					"invalid-header");
		}

		@Test
		void requestWhenPlatformMissingThenInvalidHeader() {
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).header("x-platform", null).send(), 400,
					"invalid-header");
		}

		@ParameterizedTest
		@ValueSource(strings = { "1.4", "1.4.0-beta", "v1.4.0", "1.4.0.1", "1.4.x" })
		void requestWhenVersionMalformedThenInvalidHeader(String version) {
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).header("x-app-version", version).send(),
					400, "invalid-header");
		}

		@Test
		void requestWhenVersionBelowMinimumThenUpgradeRequired() {
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).header("x-app-version", "0.9.9").send(),
					426, "upgrade-required");
		}

	}

	@Nested
	class Signature {

		@Test
		void requestWhenPayloadMissingThenSignatureMissing() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.header("x-app-signature", "AAAA")
				.unsigned()
				.send();
			assertProblem(response, 403, "signature-missing");
		}

		@Test
		void requestWhenSignatureMissingThenSignatureMissing() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.header("x-app-payload", "e30")
				.unsigned()
				.send();
			assertProblem(response, 403, "signature-missing");
		}

		@Test
		void requestWhenPayloadNotBase64UrlThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.header("x-app-payload", "e30=")
				.header("x-app-signature", ApiClient.sign(ApiClient.WEB_SECRET, "e30="))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenPayloadNotJsonThenSignatureInvalid() {
			String payload = ApiClient.b64("kid=web-demo".getBytes(StandardCharsets.UTF_8));
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.header("x-app-payload", payload)
				.header("x-app-signature", ApiClient.sign(ApiClient.WEB_SECRET, payload))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenFieldOfWrongTypeThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.editPayload((payload) -> payload.put("ts", payload.get("ts").toString()))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenNonceShorterThan16BytesThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.nonce(ApiClient.b64(new byte[15]))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenUnknownKidThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.appKey("web-retired", ApiClient.WEB_SECRET)
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenKidOfAnotherPlatformThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.appKey("android-demo", "gatehouse-demo-android-key-change-me")
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenOwnPlatformKidThenPasses() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.appKey("android-demo", "gatehouse-demo-android-key-change-me")
				.header("x-platform", "android")
				.send();
			assertProblem(response, 401, "missing-token");
		}

		@Test
		void requestWhenWrongSecretThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.appKey(ApiClient.WEB_KID, "not-the-web-demo-key-but-32-bytes-long")
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@ParameterizedTest
		@ValueSource(strings = { "x-app-payload", "x-app-signature" })
		void requestWhenHeaderSentTwiceThenSignatureInvalid(String header) throws Exception {
			String payload = ApiClient.b64(("{\"kid\":\"web-demo\",\"ts\":" + System.currentTimeMillis()
					+ ",\"nonce\":\"" + ApiClient.randomNonce() + "\",\"method\":\"GET\",\"path\":\"" + SECURED
					+ "\",\"bodySha256\":\"" + BodyReader.EMPTY_SHA256 + "\"}")
				.getBytes(StandardCharsets.UTF_8));
			Map<String, String> headers = Map.of("x-app-payload", payload, "x-app-signature",
					ApiClient.sign(ApiClient.WEB_SECRET, payload));
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(AppSignatureIntegrationTests.this.api.baseUrl() + SECURED))
				.header("x-platform", "web")
				.header("x-app-version", "1.4.0");
			headers.forEach(request::header);
			request.header(header, headers.get(header));
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).contains("\"code\":\"signature-invalid\"");
		}

	}

	@Nested
	class Binding {

		@ParameterizedTest
		@CsvSource({ "method, PUT", "path, /api/customers/check-username/other", "bodySha256, AAAA" })
		void requestWhenPayloadNamesAnotherRequestThenSignatureInvalid(String field, String value) {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.editPayload((payload) -> payload.put(field, value))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenBodyOtherThanSignedThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/auth/token")
				.json(Map.of("username", "bmp_kfayy_6526", "password", "Gatehouse-demo-1"))
				.editPayload((payload) -> payload.put("bodySha256", BodyReader.EMPTY_SHA256))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenAthWithoutAuthorizationThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.editPayload((payload) -> payload.put("ath", BodyReader.EMPTY_SHA256))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenAuthorizationWithoutAthThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.bearer("some.access.token")
				.editPayload((payload) -> payload.remove("ath"))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenAthOfAnotherTokenThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.bearer("some.access.token")
				.editPayload((payload) -> payload.put("ath",
						ApiClient.b64(ApiClient.sha256("other.access.token".getBytes(StandardCharsets.US_ASCII)))))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenAthOfSentTokenThenReachesBearerCheck() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.bearer("some.access.token")
				.send();
			assertProblem(response, 401, "invalid-token");
		}

		@Test
		void requestWhenRealTokenAndItsAthThenTokenAccepted() {
			ApiResponse guest = AppSignatureIntegrationTests.this.api.post("/api/auth/guest").send();
			assertThat(guest.status()).as(guest.body()).isEqualTo(200);
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.bearer(guest.field("accessToken"))
				.send();
			// Past steps (2) and (3): whatever answers now is not the signature or the
			// token.
			assertThat(response.status()).isNotIn(401, 500);
			assertThat(response.body()).doesNotContain("signature-").doesNotContain("-token\"");
		}

		@Test
		void requestWhenPercentEncodedPathAndQuerySignedAsSentThenPasses() {
			ApiResponse response = AppSignatureIntegrationTests.this.api
				.get("/api/customers/check-username/J%C3%BCrgen?x=1&y=%2F")
				.send();
			assertProblem(response, 401, "missing-token");
		}

		@Test
		void requestWhenDecodedPathSignedThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api
				.get("/api/customers/check-username/J%C3%BCrgen?x=1&y=%2F")
				.editPayload((payload) -> payload.put("path", "/api/customers/check-username/Jürgen?x=1&y=/"))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenQueryNotSignedThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED + "?x=1")
				.editPayload((payload) -> payload.put("path", SECURED))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

	}

	@Nested
	class TimeAndReplay {

		@ParameterizedTest
		@ValueSource(longs = { -301, 301 })
		void requestWhenTsOutside300SecondsThenRequestExpired(long seconds) {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.timestamp(System.currentTimeMillis() + seconds * 1000)
				.send();
			assertProblem(response, 403, "request-expired");
			assertThat(response.header("Date")).isNotBlank();
		}

		@Test
		void requestWhenNonceUsedTwiceThenRequestReplayed() {
			String nonce = ApiClient.randomNonce();
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).nonce(nonce).send(), 401, "missing-token");
			// The first request was refused by a later check (401), yet its nonce is used
			// up.
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).nonce(nonce).send(), 403,
					"request-replayed");
		}

		@Test
		void requestWhenSameNonceOtherPathThenStillReplayed() {
			String nonce = ApiClient.randomNonce();
			AppSignatureIntegrationTests.this.api.get(SECURED).nonce(nonce).send();
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED + "x").nonce(nonce).send(), 403,
					"request-replayed");
		}

		@Test
		void requestWhenExpiredThenNonceNotUsedUp() {
			String nonce = ApiClient.randomNonce();
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED)
				.nonce(nonce)
				.timestamp(System.currentTimeMillis() - 400_000)
				.send(), 403, "request-expired");
			assertProblem(AppSignatureIntegrationTests.this.api.get(SECURED).nonce(nonce).send(), 401, "missing-token");
		}

	}

	@Nested
	class Body {

		@Test
		void requestWhenBodyOver64KiBThenPayloadTooLarge() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/auth/token")
				.body(jsonOfSize(70 * 1024))
				.send();
			assertProblem(response, 413, "payload-too-large");
		}

		@Test
		void requestWhenBodyOver64KiBWithoutTokenThenBearerCheckAnswersFirst() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/customers")
				.body(jsonOfSize(70 * 1024))
				.send();
			assertProblem(response, 401, "missing-token");
		}

		@Test
		void requestWhenBodyOver64KiBAndBadSignatureThenSignatureInvalid() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/auth/token")
				.body(jsonOfSize(70 * 1024))
				.editPayload((payload) -> payload.put("bodySha256", BodyReader.EMPTY_SHA256))
				.send();
			assertProblem(response, 403, "signature-invalid");
		}

		@Test
		void requestWhenBody2MiBThenPayloadTooLargeNeverServerError() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/auth/token")
				.body(jsonOfSize(2 * 1024 * 1024))
				.send();
			assertProblem(response, 413, "payload-too-large");
		}

		@Test
		void requestWhenBodyAt64KiBThenNotTooLarge() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/auth/token")
				.body(jsonOfSize(64 * 1024))
				.send();
			assertThat(response.status()).isNotIn(413, 500);
		}

		@Test
		void requestWhenFormBodyPutThenSignatureStillCoversIt() {
			// No filter may consume the body before it is hashed: the next step answers.
			ApiResponse response = AppSignatureIntegrationTests.this.api.put("/api/customers/me/pin")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.body("pin=1234".getBytes(StandardCharsets.UTF_8))
				.send();
			assertProblem(response, 401, "missing-token");
		}

		@Test
		void requestWhenSignedBodyThenControllerReadsIt() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.post("/api/auth/token")
				.json(Map.of("username", "bmp_kfayy_6526", "password", "Gatehouse-demo-1"))
				.send();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.field("accessToken")).isNotBlank();
		}

		private static byte[] jsonOfSize(int size) {
			String prefix = "{\"username\":\"bmp_kfayy_6526\",\"password\":\"";
			return (prefix + "x".repeat(size - prefix.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
		}

	}

	@Nested
	class ResponseHeaders {

		@Test
		void requestWhenRefusedThenDateAndGeneratedRequestId() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED).unsigned().send();
			assertThat(response.header("Date")).isNotBlank();
			assertThat(response.header("x-request-id")).isNotBlank();
			assertThat(response.field("requestId")).isEqualTo(response.header("x-request-id"));
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		}

		@Test
		void requestWhenRequestIdSentThenEchoed() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.header("x-request-id", "trace-42.a")
				.send();
			assertThat(response.header("x-request-id")).isEqualTo("trace-42.a");
			assertThat(response.field("requestId")).isEqualTo("trace-42.a");
			assertThat(response.header("Date")).isNotBlank();
		}

		@ParameterizedTest
		@ValueSource(strings = { "/%C3%28", "/%FF%FE", "/%E2%82", "/a%C0%AFb" })
		void requestWhenNotUnderApiAndPathNotUtf8ThenNeverServerError(String path) {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(path).unsigned().send();
			assertThat(response.status()).isBetween(400, 499);
			assertThat(response.header("x-request-id")).isNotBlank();
		}

		@Test
		void requestWhenNotUnderApiThenDateAndRequestIdToo() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get("/actuator/health").unsigned().send();
			assertThat(response.header("Date")).isNotBlank();
			assertThat(response.header("x-request-id")).isNotBlank();
		}

		@ParameterizedTest
		@CsvSource({ "en, en", "es, es", "ur, ur", "ur-PK, ur", "es-MX, es", "en-GB, en", "fr, en",
				"zz-invalid-tag-!, en" })
		void requestWhenLocaleThenContentLanguageAndLocalizedDetail(String tag, String language) {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED)
				.unsigned()
				.header("locale", tag)
				.send();
			assertProblem(response, 403, "signature-missing");
			assertThat(response.header("Content-Language")).isEqualTo(language);
			assertThat(response.field("detail")).isEqualTo(text("problem.signature-missing.detail", language));
			assertThat(response.field("title")).isEqualTo(text("problem.signature-missing.title", language));
		}

		@Test
		void requestWhenNoLocaleThenEnglish() {
			ApiResponse response = AppSignatureIntegrationTests.this.api.get(SECURED).unsigned().send();
			assertThat(response.header("Content-Language")).isEqualTo("en");
			assertThat(response.field("detail"))
				.isEqualTo("This request must carry x-app-payload and x-app-signature.");
		}

		@Test
		void shippedLanguagesWhenComparedThenEachDetailIsItsOwn() {
			assertThat(text("problem.signature-missing.detail", "ur"))
				.isNotEqualTo(text("problem.signature-missing.detail", "en"))
				.isNotEqualTo(text("problem.signature-missing.detail", "es"));
		}

		private String text(String key, String language) {
			return AppSignatureIntegrationTests.this.messages.getMessage(key, null, Locale.forLanguageTag(language));
		}

	}

	static void assertProblem(ApiResponse response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.gatehouse");
	}

}
