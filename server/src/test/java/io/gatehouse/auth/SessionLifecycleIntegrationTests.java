package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session lifecycle over real HTTP on H2, with a clock the test moves: the refresh
 * grace and its limit, the race of two refreshes, the absolute lifetime, scopes read
 * again at refresh, and logout-all. Every request is signed at the server's (moved) time.
 */
@IntegrationTest
@ContextConfiguration(initializers = SessionLifecycleIntegrationTests.TestClock.class)
@TestPropertySource(properties = { "gatehouse.sessions.max-lifetime=1h", "gatehouse.sessions.refresh-grace=10s" })
class SessionLifecycleIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	SessionHousekeeping housekeeping;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Nested
	class Grace {

		@Test
		void refreshWhenRetriedWithinGraceThenSamePairAndBothWork() {
			JsonNode login = loginOk("bmp_kfayy_6526");
			String first = login.get("refreshToken").asString();
			JsonNode rotated = refresh(first).json();
			advance(Duration.ofSeconds(9));

			ApiResponse retried = refresh(first);

			assertThat(retried.status()).isEqualTo(200);
			assertThat(retried.field("refreshToken")).isEqualTo(rotated.get("refreshToken").asString());
			assertThat(claim(retried.field("accessToken"), "sid")).isEqualTo(claim(login, "sid"));
			assertAccepted(rotated.get("accessToken").asString());
			assertAccepted(retried.field("accessToken"));
			ApiResponse next = refresh(retried.field("refreshToken"));
			assertThat(next.status()).isEqualTo(200);
			assertThat(next.field("refreshToken")).isNotEqualTo(retried.field("refreshToken"));
		}

		@Test
		void refreshWhenReusedAfterGraceThenSessionRevoked() {
			JsonNode login = loginOk("bmp_kfayy_6526");
			String first = login.get("refreshToken").asString();
			JsonNode rotated = refresh(first).json();
			advance(Duration.ofSeconds(10));

			ApiResponse reuse = refresh(first);

			assertThat(reuse.status()).isEqualTo(401);
			assertThat(reuse.code()).isEqualTo("refresh-token-reused");
			assertRefused(rotated.get("accessToken").asString());
			assertThat(refresh(rotated.get("refreshToken").asString()).code()).isEqualTo("invalid-refresh-token");
			assertThat(revokedReason(claim(login, "sid"))).isEqualTo("refresh-token-reused");
		}

		@Test
		void refreshWhenGraceOverThenSealedSuccessorForgottenAtNextRotation() {
			JsonNode login = loginOk("bmp_kfayy_6526");
			String first = login.get("refreshToken").asString();
			String second = refresh(first).field("refreshToken");
			assertThat(sealedSuccessors(claim(login, "sid"))).isEqualTo(1);
			advance(Duration.ofSeconds(11));

			assertThat(refresh(second).status()).isEqualTo(200);

			// The first token's grace is over: only the second's successor is kept.
			assertThat(sealedSuccessors(claim(login, "sid"))).isEqualTo(1);
			assertThat(SessionLifecycleIntegrationTests.this.jdbc
				.sql("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ? AND successor_sealed IS NULL")
				.param(RefreshTokenRepository.hash(first))
				.query(Integer.class)
				.single()).isEqualTo(1);
		}

		/**
		 * Two tabs refresh with the same token at once: one rotates, the other waits for
		 * it and gets the same successor, so both keep working.
		 */
		@Test
		void refreshWhenTwoRaceWithSameTokenThenBothGetSamePair() throws Exception {
			for (int round = 0; round < 3; round++) {
				String refreshToken = loginOk("onboarded_no_pin").get("refreshToken").asString();
				List<ApiResponse> responses = race(refreshToken, 2);

				assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200);
				assertThat(responses.get(0).field("refreshToken")).isEqualTo(responses.get(1).field("refreshToken"));
				assertThat(claim(responses.get(0).field("accessToken"), "sid"))
					.isEqualTo(claim(responses.get(1).field("accessToken"), "sid"));
				assertAccepted(responses.get(0).field("accessToken"));
				assertAccepted(responses.get(1).field("accessToken"));
				assertThat(refresh(responses.get(0).field("refreshToken")).status()).isEqualTo(200);
			}
		}

	}

	@Nested
	class Lifetime {

		@Test
		void tokenWhenLoggedInThenRefreshCappedAtAbsoluteLifetime() {
			JsonNode login = loginOk("bmp_kfayy_6526");

			assertThat(login.get("expiresIn").asLong()).isEqualTo(900);
			assertThat(login.get("refreshExpiresIn").asLong()).isEqualTo(3600);
		}

		@Test
		void refreshWhenNearAbsoluteEndThenEveryExpiryCappedAndAfterItRefused() {
			JsonNode login = loginOk("bmp_kfayy_6526");
			long loggedInAt = SessionLifecycleIntegrationTests.this.clock.instant().getEpochSecond();
			advance(Duration.ofMinutes(50));

			ApiResponse late = refresh(login.get("refreshToken").asString());

			assertThat(late.status()).isEqualTo(200);
			assertThat(late.json().get("refreshExpiresIn").asLong()).isEqualTo(600);
			assertThat(late.json().get("expiresIn").asLong()).isEqualTo(600);
			assertThat(Long.parseLong(claim(late.field("accessToken"), "exp"))).isEqualTo(loggedInAt + 3600);
			advance(Duration.ofMinutes(10));
			ApiResponse ended = refresh(late.field("refreshToken"));
			assertThat(ended.status()).isEqualTo(401);
			assertThat(ended.code()).isEqualTo("invalid-refresh-token");
		}

		@Test
		void refreshWhenScopeRemovedFromAccountThenNewTokensLackIt() {
			JsonNode login = loginOk("support_agent");
			assertThat(login.get("scope").asString()).isEqualTo("user customers:read");
			setScopes("support_agent", "user");
			try {
				ApiResponse refreshed = refresh(login.get("refreshToken").asString());

				assertThat(refreshed.status()).isEqualTo(200);
				assertThat(refreshed.field("scope")).isEqualTo("user");
				assertThat(claim(refreshed.field("accessToken"), "scope")).isEqualTo("user");
			}
			finally {
				setScopes("support_agent", "user customers:read");
			}
		}

	}

	@Nested
	class LogoutAll {

		@Test
		void logoutAllWhenUserHasTwoSessionsThenBothEndAndOthersStay() {
			JsonNode phone = loginOk("onboarded_no_pin");
			JsonNode laptop = loginOk("onboarded_no_pin");
			JsonNode someoneElse = loginOk("fully_active");
			String token = phone.get("accessToken").asString();

			ApiResponse response = call(SessionLifecycleIntegrationTests.this.api.post("/api/auth/logout-all"))
				.bearer(token)
				.csrf(csrf(token))
				.send();

			assertThat(response.status()).isEqualTo(204);
			assertRefused(token);
			assertRefused(laptop.get("accessToken").asString());
			assertThat(refresh(laptop.get("refreshToken").asString()).code()).isEqualTo("invalid-refresh-token");
			assertThat(refresh(phone.get("refreshToken").asString()).code()).isEqualTo("invalid-refresh-token");
			assertThat(revokedReason(claim(laptop, "sid"))).isEqualTo("logout-all");
			assertAccepted(someoneElse.get("accessToken").asString());
		}

		@Test
		void logoutAllWhenGuestThenForbidden() {
			String guest = call(SessionLifecycleIntegrationTests.this.api.post("/api/auth/guest")).send()
				.field("accessToken");

			ApiResponse response = call(SessionLifecycleIntegrationTests.this.api.post("/api/auth/logout-all"))
				.bearer(guest)
				.csrf(csrf(guest))
				.send();

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("forbidden");
			assertAccepted(guest);
		}

		@Test
		void logoutAllWhenNoCsrfTokenThenCsrfMissing() {
			String token = loginOk("fully_active").get("accessToken").asString();

			ApiResponse response = call(SessionLifecycleIntegrationTests.this.api.post("/api/auth/logout-all"))
				.bearer(token)
				.send();

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("csrf-missing");
			assertAccepted(token);
		}

	}

	@Nested
	class Housekeeping {

		@Test
		void purgeWhenRowsEndedThenDeletedAndLiveOnesKept() {
			PurgeFixture rows = new PurgeFixture(SessionLifecycleIntegrationTests.this.jdbc,
					SessionLifecycleIntegrationTests.this.clock.instant());

			SessionHousekeeping.Purged purged = SessionLifecycleIntegrationTests.this.housekeeping.purge();

			assertThat(purged.ran()).isTrue();
			assertThat(purged.sessions()).isGreaterThanOrEqualTo(2);
			assertThat(purged.refreshTokens()).isGreaterThanOrEqualTo(4);
			rows.assertOnlyLiveRowsLeft();
		}

		@Test
		void purgeWhenSessionStillRefreshableThenItKeepsWorking() {
			JsonNode login = loginOk("fully_active");
			String rotated = refresh(login.get("refreshToken").asString()).field("refreshToken");

			SessionLifecycleIntegrationTests.this.housekeeping.purge();

			assertAccepted(login.get("accessToken").asString());
			assertThat(refresh(rotated).status()).isEqualTo(200);
		}

	}

	List<ApiResponse> race(String refreshToken, int racers) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			List<Future<ApiResponse>> calls = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return refresh(refreshToken);
				}));
			}
			start.countDown();
			List<ApiResponse> responses = new ArrayList<>();
			for (Future<ApiResponse> call : calls) {
				responses.add(call.get(30, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Signed at the server's time, which the test moves. */
	ApiClient.Call call(ApiClient.Call call) {
		return call.timestamp(this.clock.millis());
	}

	void advance(Duration duration) {
		((MutableClock) this.clock).advance(duration);
	}

	JsonNode loginOk(String username) {
		ApiResponse response = call(this.api.post("/api/auth/token"))
			.json(Map.of("username", username, "password", DemoData.PASSWORD))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	ApiResponse refresh(String refreshToken) {
		return call(this.api.post("/api/auth/refresh")).json(Map.of("refreshToken", refreshToken)).send();
	}

	String csrf(String accessToken) {
		return call(this.api.get("/api/auth/csrf-token")).bearer(accessToken).send().field("csrfToken");
	}

	void assertAccepted(String accessToken) {
		assertThat(call(this.api.get("/api/auth/csrf-token")).bearer(accessToken).send().status()).isEqualTo(200);
	}

	void assertRefused(String accessToken) {
		ApiResponse response = call(this.api.get("/api/auth/csrf-token")).bearer(accessToken).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("invalid-token");
	}

	String revokedReason(String sid) {
		return this.jdbc.sql("SELECT revoked_reason FROM sessions WHERE sid = ?")
			.param(sid)
			.query(String.class)
			.single();
	}

	int sealedSuccessors(String sid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE sid = ? AND successor_sealed IS NOT NULL")
			.param(sid)
			.query(Integer.class)
			.single();
	}

	void setScopes(String username, String scopes) {
		this.jdbc.sql("UPDATE accounts SET scopes = ? WHERE username = ?").params(scopes, username).update();
	}

	static String claim(JsonNode tokens, String name) {
		return claim(tokens.get("accessToken").asString(), name);
	}

	static String claim(String jwt, String name) {
		return JSON.readTree(TestTokens.payload(jwt)).get(name).asString();
	}

	/** The application's clock is a {@link MutableClock}, starting now. */
	static final class TestClock implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getBeanFactory().registerSingleton("clock", new MutableClock(Instant.now()));
		}

	}

}
