package io.gatehouse.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, each security failure leaves exactly one parseable JSON event on the
 * {@code gatehouse.audit} logger, with the fields of issue 14 §7 and nothing secret.
 * Every request carries its own {@code x-request-id}, so other tests' events never count.
 */
@IntegrationTest
class AuditTrailIntegrationTests {

	static final List<String> FIELDS = List.of("time", "requestId", "type", "subject", "sessionHash", "clientAddress",
			"platform", "appVersion", "details");

	@LocalServerPort
	int port;

	ApiClient api;

	AuditCapture audit;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.audit = AuditCapture.start();
	}

	@AfterEach
	void tearDown() {
		this.audit.close();
	}

	@Test
	void replayWhenSignedRequestSentTwiceThenOneReplayedEvent() {
		Session guest = new Logins(this.api).sharedGuest();
		String nonce = ApiClient.randomNonce();
		long ts = System.currentTimeMillis();
		String first = requestId();
		String second = requestId();

		ApiResponse accepted = this.api.get("/api/auth/csrf-token")
			.bearer(guest.accessToken())
			.nonce(nonce)
			.timestamp(ts)
			.header("x-request-id", first)
			.send();
		ApiResponse replayed = this.api.get("/api/auth/csrf-token")
			.bearer(guest.accessToken())
			.nonce(nonce)
			.timestamp(ts)
			.header("x-request-id", second)
			.send();

		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(replayed.code()).isEqualTo("request-replayed");
		assertThat(this.audit.forRequest(first)).isEmpty();
		JsonNode event = onlyEvent(second);
		assertThat(event.get("type").asString()).isEqualTo("signature.replayed");
		assertThat(event.at("/details/code").asString()).isEqualTo("request-replayed");
		assertThat(event.at("/details/path").asString()).isEqualTo("/api/auth/csrf-token");
		// Refused before the bearer token is read: nobody is named.
		assertThat(event.get("subject").isNull()).isTrue();
		assertThat(event.get("sessionHash").isNull()).isTrue();
		assertThat(event.get("platform").asString()).isEqualTo("web");
		assertThat(event.get("appVersion").asString()).isEqualTo("1.4.0");
		assertNoSecrets(guest.accessToken(), guest.csrfToken(), ApiClient.WEB_SECRET, nonce);
	}

	@Test
	void csrfWhenTokenWrongThenOneCsrfFailedEventNamingTheSession() {
		Session guest = new Logins(this.api).sharedGuest();
		String id = requestId();

		ApiResponse refused = this.api.post("/api/auth/register")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken() + "x")
			.header("x-request-id", id)
			.json(Map.of("username", "audit_csrf", "email", "audit.csrf@example.com", "phone", "+14155550188",
					"password", "Quiet-Lantern-Harbor-71"))
			.send();

		assertThat(refused.code()).isEqualTo("csrf-invalid");
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("csrf.failed");
		assertThat(event.at("/details/code").asString()).isEqualTo("csrf-invalid");
		assertThat(event.get("subject").asString()).isEqualTo("guest:" + guest.sid());
		assertThat(event.get("sessionHash").asString()).isEqualTo(SessionHash.of(guest.sid()));
		assertNoSecrets(guest.accessToken(), guest.csrfToken(), "Quiet-Lantern-Harbor-71", "audit.csrf@example.com",
				"+14155550188");
	}

	@Test
	void csrfWhenTokenMissingThenOneCsrfFailedEvent() {
		Session guest = new Logins(this.api).sharedGuest();
		String id = requestId();

		ApiResponse refused = this.api.get("/api/customers/check-username/fully_active")
			.bearer(guest.accessToken())
			.header("x-username", "fully_active")
			.header("x-request-id", id)
			.send();

		assertThat(refused.code()).isEqualTo("csrf-missing");
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("csrf.failed");
		assertThat(event.at("/details/code").asString()).isEqualTo("csrf-missing");
	}

	@Test
	void signatureWhenMadeWithAnotherKeyThenOneSignatureFailedEvent() {
		String id = requestId();

		ApiResponse refused = this.api.post("/api/auth/guest")
			.appKey(ApiClient.WEB_KID, "not-the-web-key")
			.header("x-request-id", id)
			.send();

		assertThat(refused.code()).isEqualTo("signature-invalid");
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("signature.failed");
		assertThat(event.at("/details/code").asString()).isEqualTo("signature-invalid");
		assertThat(event.get("subject").isNull()).isTrue();
		assertNoSecrets("not-the-web-key", ApiClient.WEB_SECRET,
				refused.raw().request().headers().firstValue("x-app-signature").orElseThrow());
	}

	@ParameterizedTest
	@ValueSource(strings = { "signature-missing", "request-expired", "invalid-header", "upgrade-required" })
	void signatureWhenEachKindOfFailureThenOneSignatureFailedEventWithItsCode(String code) {
		String id = requestId();
		ApiClient.Call call = this.api.post("/api/auth/guest").header("x-request-id", id);
		switch (code) {
			case "signature-missing" -> call.unsigned();
			case "request-expired" -> call.timestamp(System.currentTimeMillis() - 3_600_000);
			case "invalid-header" -> call.header("x-platform", "beos");
			case "upgrade-required" -> call.header("x-app-version", "0.9.0");
			default -> throw new IllegalArgumentException(code);
		}

		ApiResponse refused = call.send();

		assertThat(refused.code()).isEqualTo(code);
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("signature.failed");
		assertThat(event.at("/details/code").asString()).isEqualTo(code);
	}

	@Test
	void tokenWhenInvalidThenOneTokenRefusedEvent() {
		String id = requestId();

		ApiResponse refused = this.api.get("/api/auth/csrf-token")
			.bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJmdWxseV9hY3RpdmUifQ.")
			.header("x-request-id", id)
			.send();

		assertThat(refused.code()).isEqualTo("invalid-token");
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("token.refused");
		assertThat(event.at("/details/code").asString()).isEqualTo("invalid-token");
		// An unverified token names nobody, whatever its claims say.
		assertThat(event.get("subject").isNull()).isTrue();
	}

	@Test
	void tokenWhenMissingThenOneTokenRefusedEvent() {
		String id = requestId();

		ApiResponse refused = this.api.get("/api/auth/csrf-token").header("x-request-id", id).send();

		assertThat(refused.code()).isEqualTo("missing-token");
		assertThat(onlyEvent(id).at("/details/code").asString()).isEqualTo("missing-token");
	}

	@Test
	void accessWhenGuestCreatesCustomerThenOneAccessDeniedEvent() {
		Session guest = new Logins(this.api).sharedGuest();
		String id = requestId();

		ApiResponse refused = this.api.post("/api/customers")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.header("x-request-id", id)
			.send();

		assertThat(refused.code()).isEqualTo("forbidden");
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("access.denied");
		assertThat(event.get("subject").asString()).isEqualTo("guest:" + guest.sid());
	}

	@Test
	void guestWhenStartedThenOneGuestStartedEventWithItsSession() {
		String id = requestId();

		ApiResponse started = this.api.post("/api/auth/guest").header("x-request-id", id).send();

		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String sid = new Session(started.field("accessToken"), null).sid();
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("guest.started");
		assertThat(event.get("subject").asString()).isEqualTo("guest:" + sid);
		assertThat(event.get("sessionHash").asString()).isEqualTo(SessionHash.of(sid));
		assertNoSecrets(started.field("accessToken"));
	}

	@Test
	void rateLimitWhenChecksExceedTheGuestLimitThenOneRateLimitedEventOnTheRefusal() {
		Session guest = new Logins(this.api).guest();
		ApiResponse response = null;
		String id = null;
		// 30 checks a minute per guest session (docs/contract.md §1); bounded at 40.
		for (int i = 0; i < 40; i++) {
			id = requestId();
			response = this.api.get("/api/customers/check-username/no_such_user_audit")
				.bearer(guest.accessToken())
				.csrf(guest.csrfToken())
				.header("x-username", "no_such_user_audit")
				.header("x-request-id", id)
				.send();
			if (response.status() == 429) {
				break;
			}
			assertThat(this.audit.forRequest(id)).isEmpty();
		}

		assertThat(response.code()).isEqualTo("rate-limited");
		JsonNode event = onlyEvent(id);
		assertThat(event.get("type").asString()).isEqualTo("rate-limit.refused");
		assertThat(event.at("/details/code").asString()).isEqualTo("rate-limited");
		assertThat(event.get("subject").asString()).isEqualTo("guest:" + guest.sid());
	}

	private JsonNode onlyEvent(String requestId) {
		List<JsonNode> events = this.audit.forRequest(requestId);
		assertThat(events).as("audit events of request " + requestId).hasSize(1);
		JsonNode event = events.get(0);
		assertThat(FIELDS).allSatisfy((field) -> assertThat(event.has(field)).as(field).isTrue());
		assertThat(Instant.parse(event.get("time").asString())).isNotNull();
		assertThat(event.get("requestId").asString()).isEqualTo(requestId);
		assertThat(event.get("clientAddress").asString()).isEqualTo("127.0.0.1");
		return event;
	}

	private void assertNoSecrets(String... secrets) {
		for (String message : this.audit.messages()) {
			assertThat(message).doesNotContain(secrets);
		}
	}

	private static String requestId() {
		return "audit-" + UUID.randomUUID();
	}

}
