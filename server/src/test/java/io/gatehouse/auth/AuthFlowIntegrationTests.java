package io.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token flows of docs/contract.md §2 over real HTTP: login, refresh rotation, logout,
 * and the failures of each (the grace, reuse and racing refreshes, with a clock the test
 * moves: {@link SessionLifecycleIntegrationTests}).
 */
@IntegrationTest
class AuthFlowIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Nested
	class Login {

		@Test
		void tokenWhenUnknownUserOrWrongPasswordThenSameInvalidCredentials() {
			ApiResponse unknown = login("no_such_user_7781", "Whatever-password-1");
			ApiResponse wrong = login("fully_active", "Not-the-password-1");
			ApiResponse malformed = login("Not A Username!", "Whatever-password-1");

			for (ApiResponse response : List.of(unknown, wrong, malformed)) {
				assertThat(response.status()).isEqualTo(401);
				assertThat(response.code()).isEqualTo("invalid-credentials");
				assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
			}
			assertThat(withoutRequestId(unknown)).isEqualTo(withoutRequestId(wrong))
				.isEqualTo(withoutRequestId(malformed));
			// Succeeds afterwards: two failures are below the username's limit, and clear
			// it.
			assertThat(login("fully_active", DemoData.PASSWORD).status()).isEqualTo(200);
		}

		@Test
		void tokenWhenFieldsMissingThenValidationFailedNamingEach() {
			ApiResponse response = AuthFlowIntegrationTests.this.api.post("/api/auth/token").json(Map.of()).send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("validation-failed");
			assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("username",
					"password");
		}

		@Test
		void tokenWhenBodyNotJsonThenInvalidRequest() {
			ApiResponse response = AuthFlowIntegrationTests.this.api.post("/api/auth/token")
				.body("{\"username\":".getBytes())
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("invalid-request");
		}

		@Test
		void tokenWhenFieldIsObjectThenBadRequest() {
			ApiResponse response = AuthFlowIntegrationTests.this.api.post("/api/auth/token")
				.json(Map.of("username", Map.of("a", 1), "password", "x"))
				.send();

			assertThat(response.status()).isEqualTo(400);
		}

		@Test
		void tokenWhenLoggedInThenSessionRowAndTokenAccepted() {
			JsonNode tokens = loginOk("bmp_kfayy_6526");

			String sid = claim(tokens.get("accessToken").asString(), "sid");
			assertThat(AuthFlowIntegrationTests.this.jdbc.sql("SELECT subject FROM sessions WHERE sid = ?")
				.param(sid)
				.query(String.class)
				.single()).isEqualTo("bmp_kfayy_6526");
			assertAccepted(tokens.get("accessToken").asString());
		}

	}

	@Nested
	class Refresh {

		@Test
		void refreshWhenUnusedThenRotatedKeepingSession() {
			JsonNode first = loginOk("bmp_kfayy_6526");

			ApiResponse response = refresh(first.get("refreshToken").asString());

			assertThat(response.status()).isEqualTo(200);
			JsonNode second = response.json();
			assertThat(second.get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
			assertThat(claim(second.get("accessToken").asString(), "sid"))
				.isEqualTo(claim(first.get("accessToken").asString(), "sid"));
			assertThat(second.get("scope").asString()).isEqualTo("user");
			assertAccepted(second.get("accessToken").asString());
			assertAccepted(first.get("accessToken").asString());
			assertThat(refresh(second.get("refreshToken").asString()).status()).isEqualTo(200);
		}

		@Test
		void refreshWhenUnknownTokenThenInvalidRefreshToken() {
			ApiResponse response = refresh(ApiClient.randomNonce() + ApiClient.randomNonce());

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.code()).isEqualTo("invalid-refresh-token");
		}

		@Test
		void refreshWhenFieldMissingThenValidationFailed() {
			ApiResponse response = AuthFlowIntegrationTests.this.api.post("/api/auth/refresh").json(Map.of()).send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("validation-failed");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("refreshToken");
		}

	}

	@Nested
	class Logout {

		@Test
		void logoutWhenUserThenAccessAndRefreshTokensStopAtOnce() {
			JsonNode tokens = loginOk("bmp_kfayy_6526");
			String accessToken = tokens.get("accessToken").asString();
			assertAccepted(accessToken);

			ApiResponse response = logout(accessToken);

			assertThat(response.status()).isEqualTo(204);
			assertRefused(accessToken);
			ApiResponse refresh = refresh(tokens.get("refreshToken").asString());
			assertThat(refresh.status()).isEqualTo(401);
			assertThat(refresh.code()).isEqualTo("invalid-refresh-token");
			assertThat(revokedReason(claim(accessToken, "sid"))).isEqualTo("logout");
		}

		@Test
		void logoutWhenGuestThenTokenStopsAndRevocationStored() {
			String accessToken = AuthFlowIntegrationTests.this.api.post("/api/auth/guest").send().field("accessToken");
			String sid = claim(accessToken, "sid");
			assertThat(AuthFlowIntegrationTests.this.jdbc.sql("SELECT COUNT(*) FROM sessions WHERE sid = ?")
				.param(sid)
				.query(Integer.class)
				.single()).isZero();

			assertThat(logout(accessToken).status()).isEqualTo(204);

			assertRefused(accessToken);
			assertThat(revokedReason(sid)).isEqualTo("logout");
		}

		@Test
		void logoutWhenNoTokenThenMissingToken() {
			ApiResponse response = AuthFlowIntegrationTests.this.api.post("/api/auth/logout").send();

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.code()).isEqualTo("missing-token");
		}

	}

	ApiResponse login(String username, String password) {
		return this.api.post("/api/auth/token").json(Map.of("username", username, "password", password)).send();
	}

	JsonNode loginOk(String username) {
		ApiResponse response = login(username, DemoData.PASSWORD);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	ApiResponse refresh(String refreshToken) {
		return this.api.post("/api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
	}

	ApiResponse logout(String accessToken) {
		return this.api.post("/api/auth/logout").bearer(accessToken).csrf(csrfToken(accessToken)).send();
	}

	/** The session's CSRF token once the CSRF feature is in; {@code null} before. */
	String csrfToken(String accessToken) {
		ApiResponse response = this.api.get("/api/auth/csrf-token").bearer(accessToken).send();
		return (response.status() == 200) ? response.field("csrfToken") : null;
	}

	/**
	 * The token passes the bearer check: any answer but 401 from an endpoint that needs
	 * only a bearer token (the CSRF token endpoint, or 404 before it exists).
	 */
	void assertAccepted(String accessToken) {
		assertThat(this.api.get("/api/auth/csrf-token").bearer(accessToken).send().status()).isNotEqualTo(401);
	}

	void assertRefused(String accessToken) {
		ApiResponse response = this.api.get("/api/auth/csrf-token").bearer(accessToken).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("invalid-token");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
	}

	String revokedReason(String sid) {
		return this.jdbc.sql("SELECT revoked_reason FROM sessions WHERE sid = ?")
			.param(sid)
			.query(String.class)
			.single();
	}

	static String claim(String jwt, String name) {
		return JSON.readTree(TestTokens.payload(jwt)).get(name).asString();
	}

	static String withoutRequestId(ApiResponse response) {
		return response.body().replace(response.field("requestId"), "");
	}

}
