package io.gatehouse.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Device tokens (docs/contract.md §2), PIN step-up, logout-all and the 503 of saturated
 * password hashing, against a scripted server.
 */
class DeviceTokenTests {

	private static final String USER = "bmp_kfayy_6526";

	private static final Instant LATER = Instant.now().plus(Duration.ofDays(1));

	private MockWebServer server;

	private TokenStore store;

	private GatehouseClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.store = TokenStore.inMemory();
		this.client = MockGatehouse.client(this.server).tokenStore(this.store).build();
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	private static MockResponse login(String user, String deviceToken) {
		return MockGatehouse.json(200, "{\"accessToken\":\"" + MockGatehouse.jwt(user, "a-" + deviceToken)
				+ "\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"refreshToken\":\"r-" + deviceToken
				+ "\",\"refreshExpiresIn\":2592000,\"scope\":\"user\",\"deviceToken\":\"" + deviceToken + "\"}");
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a request reached the server").isNotNull();
		return request;
	}

	private void loggedIn() {
		this.store
			.save(new Session(MockGatehouse.jwt(USER, "a1"), "refresh-1", "user", LATER, LATER, USER, "csrf-1", LATER));
	}

	@Test
	void loginWhenDeviceTokenAnsweredThenSentOnNextLoginOfThatUsernameOnly() throws Exception {
		this.server.enqueue(login(USER, "device-1"));
		this.server.enqueue(login("other_user", "device-2"));
		this.server.enqueue(login(USER, "device-3"));
		this.server.enqueue(login(USER, "device-4"));

		this.client.login(USER, "Gatehouse-demo-1".toCharArray());
		this.client.login("other_user", "Gatehouse-demo-1".toCharArray());
		this.client.login("BMP_kfayy_6526", "Gatehouse-demo-1".toCharArray());
		this.client.login(USER, "Gatehouse-demo-1".toCharArray());

		assertThat(take().getBody().utf8())
			.isEqualTo("{\"username\":\"" + USER + "\",\"password\":\"Gatehouse-demo-1\"}");
		assertThat(take().getBody().utf8()).doesNotContain("deviceToken");
		assertThat(take().getBody().utf8()).isEqualTo(
				"{\"username\":\"" + USER + "\",\"password\":\"Gatehouse-demo-1\",\"deviceToken\":\"device-1\"}");
		assertThat(take().getBody().utf8()).contains("\"deviceToken\":\"device-3\"");
		assertThat(this.store.deviceToken(USER)).isEqualTo("device-4");
		assertThat(this.store.deviceToken("other_user")).isEqualTo("device-2");
	}

	@Test
	void loginWhenLoggedOutBeforeThenStillSendsDeviceToken() throws Exception {
		this.server.enqueue(login(USER, "device-1"));
		this.server.enqueue(MockGatehouse.csrf("csrf-1"));
		this.server.enqueue(new MockResponse.Builder().code(204).build());
		this.server.enqueue(login(USER, "device-2"));

		this.client.login(USER, "Gatehouse-demo-1".toCharArray());
		this.client.logout();
		this.client.login(USER, "Gatehouse-demo-1".toCharArray());

		take();
		take();
		assertThat(take().getRequestLine()).isEqualTo("POST /api/auth/logout HTTP/1.1");
		assertThat(this.store.load().refreshToken()).isEqualTo("r-device-2");
		assertThat(take().getBody().utf8()).contains("\"deviceToken\":\"device-1\"");
	}

	@Test
	void loginWhenFailedThenDeviceTokenKept() throws Exception {
		this.store.saveDeviceToken(USER, "device-1");
		this.server.enqueue(MockGatehouse.problem(401, "invalid-credentials"));

		assertThatExceptionOfType(GatehouseException.class)
			.isThrownBy(() -> this.client.login(USER, "wrong".toCharArray()));

		assertThat(take().getBody().utf8()).contains("\"deviceToken\":\"device-1\"");
		assertThat(this.store.deviceToken(USER)).isEqualTo("device-1");
	}

	@Test
	void fileStoreWhenClearedThenKeepsDeviceTokensOwnerOnlyAndAcrossInstances(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("session.json");
		TokenStore store = TokenStore.file(file);
		store.saveDeviceToken(USER, "device-1");
		store.save(new Session(MockGatehouse.jwt(USER, "a1"), "refresh-1", "user", LATER, LATER, USER, null, null));
		store.saveDeviceToken("other_user", "device-2");

		store.clear();

		TokenStore restarted = TokenStore.file(file);
		assertThat(restarted.load()).isNull();
		assertThat(restarted.deviceToken(USER)).isEqualTo("device-1");
		assertThat(restarted.deviceToken("other_user")).isEqualTo("device-2");
		assertThat(restarted.deviceToken("nobody")).isNull();
		assertThat(Files.readString(file)).doesNotContain("refresh-1");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		restarted.save(new Session(MockGatehouse.jwt(USER, "a2"), "refresh-2", "user", LATER, LATER, USER, null, null));
		assertThat(TokenStore.file(file).deviceToken(USER)).isEqualTo("device-1");
		assertThat(TokenStore.file(file).load().refreshToken()).isEqualTo("refresh-2");
	}

	@Test
	void loginWhenServiceUnavailableAndRetriesOnThenRepeatedOnce() throws Exception {
		GatehouseClient retrying = MockGatehouse.client(this.server)
			.tokenStore(this.store)
			.retryIdempotentCalls(1, Duration.ofSeconds(1))
			.build();
		this.server.enqueue(unavailable("service-unavailable"));
		this.server.enqueue(login(USER, "device-1"));

		Session session = retrying.login(USER, "Gatehouse-demo-1".toCharArray());

		assertThat(session.subject()).isEqualTo(USER);
		assertThat(take().getBody().utf8()).isEqualTo(take().getBody().utf8());
		retrying.close();
	}

	@Test
	void loginWhenRateLimitedOr503WithoutCodeThenNotRepeated() {
		GatehouseClient retrying = MockGatehouse.client(this.server)
			.tokenStore(this.store)
			.retryIdempotentCalls(3, Duration.ofSeconds(1))
			.build();
		this.server.enqueue(unavailable(null));
		this.server.enqueue(MockGatehouse.problem(429, "rate-limited"));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> retrying.login(USER, "Gatehouse-demo-1".toCharArray()))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> retrying.login(USER, "Gatehouse-demo-1".toCharArray()))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		retrying.close();
	}

	@Test
	void loginWhenServiceUnavailableAndRetriesOffThenRateLimitedWithRetryAfter() {
		this.server.enqueue(unavailable("service-unavailable"));

		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.client.login(USER, "Gatehouse-demo-1".toCharArray()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("service-unavailable");
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1));
			});
		assertThat(this.store.load()).isNull();
	}

	@Test
	void changePinWhenCurrentPinWrongThenPinInvalidAndBodyHasBoth() throws Exception {
		loggedIn();
		this.server.enqueue(MockGatehouse.problem(403, "pin-invalid"));

		assertThatExceptionOfType(GatehouseException.class)
			.isThrownBy(() -> this.client.changePin("2580".toCharArray(), "1357".toCharArray()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("pin-invalid"));
		RecordedRequest request = take();
		assertThat(request.getRequestLine()).isEqualTo("PUT /api/customers/me/pin HTTP/1.1");
		assertThat(request.getBody().utf8()).isEqualTo("{\"pin\":\"2580\",\"currentPin\":\"1357\"}");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void logoutAllWhenLoggedInThenPostsWithCsrfClearsSessionKeepsDeviceToken() throws Exception {
		loggedIn();
		this.store.saveDeviceToken(USER, "device-1");
		this.server.enqueue(new MockResponse.Builder().code(204).build());

		this.client.logoutAll();

		RecordedRequest request = take();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/auth/logout-all HTTP/1.1");
		assertThat(request.getHeaders().get("x-csrf-token")).isEqualTo("csrf-1");
		assertThat(request.getHeaders().get("Authorization")).startsWith("Bearer ");
		assertThat(this.store.load()).isNull();
		assertThat(this.store.deviceToken(USER)).isEqualTo("device-1");
	}

	private static MockResponse unavailable(String code) {
		MockResponse.Builder response = new MockResponse.Builder().code(503).setHeader("Retry-After", "1");
		if (code == null) {
			return response.setHeader("Content-Type", "text/html").body("<html>busy</html>").build();
		}
		return response.setHeader("Content-Type", "application/problem+json")
			.body("{\"type\":\"about:blank\",\"title\":\"t\",\"status\":503,\"detail\":\"busy\",\"code\":\"" + code
					+ "\",\"requestId\":\"req-503\"}")
			.build();
	}

}
