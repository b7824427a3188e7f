package io.gatehouse.csrf;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/contract.md §1 check (4) and §2 {@code csrf-token}, over real HTTP. */
@IntegrationTest
class CsrfIntegrationTests {

	static final String CHECK = "/api/customers/check-username/bmp_kfayy_6526";

	@LocalServerPort
	int port;

	@Value("${gatehouse.data-dir}")
	Path dataDir;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
	}

	@Test
	void csrfTokenWhenBearerThenTokenAndExpiry() {
		String accessToken = this.logins.sharedGuest().accessToken();

		ApiResponse response = this.api.get("/api/auth/csrf-token").bearer(accessToken).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.field("csrfToken")).isNotBlank();
		assertThat(response.json().get("expiresIn").asLong()).isEqualTo(7200);
	}

	@Test
	void csrfTokenWhenNoBearerThenMissingToken() {
		ApiResponse response = this.api.get("/api/auth/csrf-token").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("missing-token");
	}

	@Test
	void checkWhenValidCsrfThenAnswered() {
		Session session = this.logins.sharedDemoUser("bmp_kfayy_6526");

		assertThat(check(session.accessToken(), session.csrfToken()).status()).isEqualTo(200);
	}

	@Test
	void loginWhenNoBearerThenNoCsrfNeeded() {
		ApiResponse response = this.api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
	}

	@Nested
	class Refused {

		@Test
		void checkWhenCsrfMissingThenCsrfMissing() {
			Session session = CsrfIntegrationTests.this.logins.sharedGuest();

			ApiResponse response = check(session.accessToken(), null);

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-missing");
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		}

		@Test
		void checkWhenCsrfEmptyThenCsrfMissing() {
			Session session = CsrfIntegrationTests.this.logins.sharedGuest();

			ApiResponse response = check(session.accessToken(), "");

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-missing");
		}

		@Test
		void checkWhenCsrfGarbageThenCsrfInvalid() {
			Session session = CsrfIntegrationTests.this.logins.sharedGuest();

			ApiResponse response = check(session.accessToken(), "v1.123.garbage");

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-invalid");
		}

		@Test
		void checkWhenOtherSessionsCsrfThenCsrfInvalid() {
			Session mine = CsrfIntegrationTests.this.logins.sharedGuest();
			Session other = CsrfIntegrationTests.this.logins.sharedDemoUser("bmp_kfayy_6526");

			ApiResponse response = check(mine.accessToken(), other.csrfToken());

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-invalid");
		}

		@Test
		void checkWhenCsrfExpiredThenCsrfInvalid() {
			Session session = CsrfIntegrationTests.this.logins.sharedGuest();
			byte[] secret = CsrfSecret.resolve("", CsrfIntegrationTests.this.dataDir, false);
			Clock threeHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
			String expired = new CsrfTokens(secret, Duration.ofHours(2), threeHoursAgo).issue(session.sid())
				.csrfToken();

			ApiResponse response = check(session.accessToken(), expired);

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-invalid");
		}

		@Test
		void checkWhenApiPathPercentEncodedAndCsrfMissingThenCsrfMissing() {
			Session session = CsrfIntegrationTests.this.logins.sharedDemoUser("bmp_kfayy_6526");

			ApiResponse response = CsrfIntegrationTests.this.api.get("/%61pi/customers/check-username/bmp_kfayy_6526")
				.bearer(session.accessToken())
				.header("x-username", "bmp_kfayy_6526")
				.send();

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-missing");
			assertThat(response.body()).doesNotContain("testuserbmp@yopmail.com");
		}

		@Test
		void logoutWhenApiPathPercentEncodedAndCsrfMissingThenCsrfMissingAndSessionLives() {
			Session session = CsrfIntegrationTests.this.logins.guest();

			ApiResponse response = CsrfIntegrationTests.this.api.post("/%61pi/auth/logout")
				.bearer(session.accessToken())
				.send();

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-missing");
			assertThat(check(session.accessToken(), session.csrfToken()).status()).isEqualTo(200);
		}

		@Test
		void registerWhenCsrfMissingThenCsrfMissingAndNothingWritten() {
			Session session = CsrfIntegrationTests.this.logins.sharedGuest();

			ApiResponse response = CsrfIntegrationTests.this.api.post("/api/auth/register")
				.bearer(session.accessToken())
				.json(Map.of("username", "csrf_less_user", "email", "c@example.com", "phone", "+14155550111",
						"password", "Blue-Harbor-Lantern-42"))
				.send();

			assertThat(response.code()).isEqualTo("csrf-missing");
			assertThat(CsrfIntegrationTests.this.api.post("/api/auth/token")
				.json(Map.of("username", "csrf_less_user", "password", "Blue-Harbor-Lantern-42"))
				.send()
				.code()).isEqualTo("invalid-credentials");
		}

	}

	@Nested
	class SessionLifetime {

		@Test
		void checkWhenLoggedOutThenOldTokensDead() {
			Session old = CsrfIntegrationTests.this.logins.demoUser("bmp_kfayy_6526");
			ApiResponse logout = CsrfIntegrationTests.this.api.post("/api/auth/logout")
				.bearer(old.accessToken())
				.csrf(old.csrfToken())
				.send();
			assertThat(logout.status()).isEqualTo(204);

			ApiResponse sameSession = check(old.accessToken(), old.csrfToken());
			Session fresh = CsrfIntegrationTests.this.logins.demoUser("bmp_kfayy_6526");
			ApiResponse newSession = check(fresh.accessToken(), old.csrfToken());

			assertThat(sameSession.status()).isEqualTo(401);
			assertThat(sameSession.code()).isEqualTo("invalid-token");
			assertThat(newSession.status()).isEqualTo(403);
			assertThat(newSession.code()).isEqualTo("csrf-invalid");
			assertThat(check(fresh.accessToken(), fresh.csrfToken()).status()).isEqualTo(200);
		}

		@Test
		void checkWhenRefreshedThenCsrfStillValid() {
			ApiResponse login = CsrfIntegrationTests.this.api.post("/api/auth/token")
				.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
				.send();
			String csrf = CsrfIntegrationTests.this.logins.csrfFor(login.field("accessToken"));
			ApiResponse refreshed = CsrfIntegrationTests.this.api.post("/api/auth/refresh")
				.json(Map.of("refreshToken", login.field("refreshToken")))
				.send();

			ApiResponse response = check(refreshed.field("accessToken"), csrf);

			assertThat(response.status()).isEqualTo(200);
		}

	}

	ApiResponse check(String accessToken, String csrf) {
		ApiClient.Call call = this.api.get(CHECK).bearer(accessToken).header("x-username", "bmp_kfayy_6526");
		if (csrf != null) {
			call.csrf(csrf);
		}
		return call.send();
	}

}
