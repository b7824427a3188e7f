package io.gatehouse.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.gatehouse.auth.SessionHousekeeping;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.RequiredService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of profile {@code cluster} on the machine's PostgreSQL (a schema of this
 * run's own) and Redis (a key prefix of its own), each request sent to whichever instance
 * proves the point: what one instance issued, used up or revoked, the other sees at once.
 * Both run on one clock the test moves forward; B reads the shared CSRF secret from a
 * file.
 */
class ClusterIntegrationTests {

	private static final String PASSWORD = "Gatehouse-demo-1";

	private static TestPostgres postgres;

	private static String redisPrefix;

	private static TestInstance instanceA;

	private static TestInstance instanceB;

	private static ApiClient a;

	private static ApiClient b;

	private static final ShiftedClock clock = new ShiftedClock();

	@TempDir
	static Path secretDir;

	@BeforeAll
	static void startTwoInstances() throws Exception {
		RequiredService.assumeReachable("Redis", TestRedis.HOST, TestRedis.PORT);
		postgres = TestPostgres.newSchema();
		redisPrefix = TestRedis.newPrefix();
		TestInstance.SharedSecrets secrets = TestInstance.SharedSecrets.generate();
		Path csrfSecretFile = Files.writeString(secretDir.resolve("csrf-secret"), secrets.csrfSecret() + "\n");
		instanceA = TestInstance.start(clock, secrets, postgres, redisPrefix);
		instanceB = TestInstance.start(clock, secrets, postgres, redisPrefix, "--gatehouse.csrf.secret=",
				"--gatehouse.csrf.secret-file=" + csrfSecretFile);
		a = instanceA.api();
		b = instanceB.api();
		// The first Redis connection of an instance may miss its 500 ms connect timeout
		// on
		// a loaded machine (503, then a retry a second later): open it before the tests.
		for (ApiClient instance : List.of(a, b)) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> instance.post("/api/auth/guest").send().status() == 200);
		}
	}

	@AfterAll
	static void stopAndCleanUp() {
		try {
			if (instanceA != null) {
				instanceA.close();
			}
			if (instanceB != null) {
				instanceB.close();
			}
		}
		finally {
			if (redisPrefix != null) {
				TestRedis.deleteKeys(TestRedis.PORT, redisPrefix);
			}
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	@Test
	void tokenAndCsrfTokenFromAWorkOnB() {
		ApiResponse login = login(a, "bmp_kfayy_6526");
		String token = login.field("accessToken");
		String csrf = a.get("/api/auth/csrf-token").bearer(token).send().field("csrfToken");
		ApiResponse check = b.get("/api/customers/check-username/bmp_kfayy_6526")
			.bearer(token)
			.csrf(csrf)
			.header("x-username", "bmp_kfayy_6526")
			.send();
		assertThat(check.status()).isEqualTo(200);
		assertThat(check.json().get("exists").asBoolean()).isTrue();
		assertThat(check.field("email")).isEqualTo("testuserbmp@yopmail.com");
	}

	@Test
	void logoutOnAThenTokensRefusedOnBAtOnce() {
		String token = login(a, "bmp_kfayy_6526").field("accessToken");
		String csrf = b.get("/api/auth/csrf-token").bearer(token).send().field("csrfToken");
		assertThat(a.post("/api/auth/logout").bearer(token).csrf(csrf).send().status()).isEqualTo(204);
		ApiResponse afterLogout = b.get("/api/customers/check-username/bmp_kfayy_6526")
			.bearer(token)
			.csrf(csrf)
			.header("x-username", "bmp_kfayy_6526")
			.send();
		assertThat(afterLogout.status()).isEqualTo(401);
		assertThat(afterLogout.code()).isEqualTo("invalid-token");
		assertThat(b.get("/api/auth/csrf-token").bearer(token).send().status()).isEqualTo(401);
	}

	@Test
	void nonceUsedOnAThenReplayOnBRefused() {
		String nonce = ApiClient.randomNonce();
		long ts = clock.millis();
		assertThat(a.post("/api/auth/guest").nonce(nonce).timestamp(ts).send().status()).isEqualTo(200);
		ApiResponse replay = b.post("/api/auth/guest").nonce(nonce).timestamp(ts).send();
		assertThat(replay.status()).isEqualTo(403);
		assertThat(replay.code()).isEqualTo("request-replayed");
	}

	@Test
	void failedLoginsCountedAcrossBothInstances() {
		// docs/contract.md §1: 5 failed logins per username in 5 minutes; the sixth is
		// refused.
		for (int attempt = 0; attempt < 5; attempt++) {
			ApiClient instance = (attempt % 2 == 0) ? a : b;
			ApiResponse failed = instance.post("/api/auth/token")
				.json(Map.of("username", "onboarded_no_pin", "password", "wrong-password-" + attempt))
				.send();
			assertThat(failed.status()).as("attempt %d", attempt).isEqualTo(401);
			assertThat(failed.code()).isEqualTo("invalid-credentials");
		}
		for (ApiClient instance : List.of(a, b)) {
			ApiResponse limited = instance.post("/api/auth/token")
				.json(Map.of("username", "onboarded_no_pin", "password", PASSWORD))
				.send();
			assertThat(limited.status()).isEqualTo(429);
			assertThat(limited.code()).isEqualTo("rate-limited");
			assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
		}
	}

	@Test
	void refreshRetriedOnBWithinGraceThenSamePairAndAfterGraceReuseRevokes() {
		String first = login(a, "fully_active").field("refreshToken");
		ApiResponse rotated = a.post("/api/auth/refresh").json(Map.of("refreshToken", first)).send();
		assertThat(rotated.status()).isEqualTo(200);

		ApiResponse retried = b.post("/api/auth/refresh").json(Map.of("refreshToken", first)).send();

		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.field("refreshToken")).isEqualTo(rotated.field("refreshToken"));
		assertThat(a.get("/api/auth/csrf-token").bearer(retried.field("accessToken")).send().status()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(11));
		ApiResponse reused = b.post("/api/auth/refresh").json(Map.of("refreshToken", first)).send();
		assertThat(reused.status()).isEqualTo(401);
		assertThat(reused.code()).isEqualTo("refresh-token-reused");
		// The whole session is revoked: the rotated tokens stop working on both
		// instances.
		assertThat(a.get("/api/auth/csrf-token").bearer(rotated.field("accessToken")).send().status()).isEqualTo(401);
		assertThat(b.get("/api/auth/csrf-token").bearer(retried.field("accessToken")).send().status()).isEqualTo(401);
		assertThat(
				b.post("/api/auth/refresh").json(Map.of("refreshToken", rotated.field("refreshToken"))).send().status())
			.isEqualTo(401);
	}

	@Test
	void refreshRacedOnBothInstancesThenAllGetTheSamePair() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 3; round++) {
				String refreshToken = login(b, "fully_active").field("refreshToken");
				CountDownLatch start = new CountDownLatch(1);
				List<Callable<ApiResponse>> racers = List.of(a, b, a, b)
					.stream()
					.<Callable<ApiResponse>>map((instance) -> () -> {
						start.await();
						return instance.post("/api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
					})
					.toList();
				var outcomes = racers.stream().map(pool::submit).toList();
				start.countDown();
				List<ApiResponse> responses = outcomes.stream().map(RedisNonceStoreTests.TestFutures::join).toList();
				assertThat(responses).as("round %d", round).extracting(ApiResponse::status).containsOnly(200);
				assertThat(responses).extracting((response) -> response.field("refreshToken"))
					.containsOnly(responses.get(0).field("refreshToken"));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void logoutAllOnAThenEverySessionOfTheUserRefusedOnB() {
		ApiResponse onA = login(a, "support_agent");
		ApiResponse onB = login(b, "support_agent");
		String token = onA.field("accessToken");
		String csrf = a.get("/api/auth/csrf-token").bearer(token).send().field("csrfToken");

		assertThat(a.post("/api/auth/logout-all").bearer(token).csrf(csrf).send().status()).isEqualTo(204);

		assertThat(b.get("/api/auth/csrf-token").bearer(onB.field("accessToken")).send().code())
			.isEqualTo("invalid-token");
		assertThat(b.get("/api/auth/csrf-token").bearer(token).send().code()).isEqualTo("invalid-token");
		assertThat(b.post("/api/auth/refresh").json(Map.of("refreshToken", onB.field("refreshToken"))).send().code())
			.isEqualTo("invalid-refresh-token");
	}

	@Test
	void purgeWhenOneInstanceHoldsTheLockThenTheOtherSkips() throws Exception {
		SessionHousekeeping onA = instanceA.bean(SessionHousekeeping.class);
		SessionHousekeeping onB = instanceB.bean(SessionHousekeeping.class);
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			// What a purging instance holds while it deletes.
			statement
				.execute("SELECT pg_advisory_lock(" + SessionHousekeeping.LOCK_CLASS + ", hashtext(current_schema()))");

			assertThat(onA.purge()).isEqualTo(SessionHousekeeping.Purged.SKIPPED);
			assertThat(onB.purge()).isEqualTo(SessionHousekeeping.Purged.SKIPPED);

			statement.execute(
					"SELECT pg_advisory_unlock(" + SessionHousekeeping.LOCK_CLASS + ", hashtext(current_schema()))");
		}
		assertThat(onB.purge().ran()).isTrue();
		assertThat(onA.purge().ran()).isTrue();
	}

	private static ApiResponse login(ApiClient instance, String username) {
		ApiResponse login = instance.post("/api/auth/token")
			.json(Map.of("username", username, "password", PASSWORD))
			.send();
		assertThat(login.status()).as("login of %s: %s", username, login.body()).isEqualTo(200);
		return login;
	}

}
