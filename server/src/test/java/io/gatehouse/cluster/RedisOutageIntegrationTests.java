package io.gatehouse.cluster;

import java.time.Duration;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance of profile {@code cluster} whose Redis goes away mid-run and comes back:
 * while it is away every check that needs it answers 503 with {@code Retry-After} (a
 * replay or a revoked session is never accepted), what does not need it keeps working,
 * and once it is back the same instance serves again without a restart.
 */
class RedisOutageIntegrationTests {

	private static final String USER = "bmp_kfayy_6526";

	private static TestPostgres postgres;

	private static TestRedisServer redis;

	private static TestInstance instance;

	private static ApiClient api;

	@BeforeAll
	static void start() {
		postgres = TestPostgres.newSchema();
		redis = TestRedisServer.start();
		instance = TestInstance.start(TestInstance.SharedSecrets.generate(), postgres, TestRedis.newPrefix(),
				"--spring.data.redis.port=" + redis.port());
		api = instance.api();
	}

	@AfterAll
	static void stop() {
		try {
			if (instance != null) {
				instance.close();
			}
			if (redis != null) {
				redis.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	@Test
	void redisDownThenFailClosedAndAfterItReturnsServedAgain() {
		Session live = login();
		Session loggedOut = login();
		assertThat(api.post("/api/auth/logout").bearer(loggedOut.token()).csrf(loggedOut.csrf()).send().status())
			.isEqualTo(204);
		String nonce = ApiClient.randomNonce();
		long signedAt = System.currentTimeMillis();
		assertThat(api.post("/api/auth/guest").nonce(nonce).timestamp(signedAt).send().status()).isEqualTo(200);
		assertThat(check(live).status()).isEqualTo(200);

		redis.stop();

		assertServiceUnavailable(api.post("/api/auth/guest").send());
		assertServiceUnavailable(api.post("/api/auth/guest").nonce(nonce).timestamp(signedAt).send());
		assertServiceUnavailable(check(loggedOut));
		assertServiceUnavailable(check(live));
		assertThat(api.get("/.well-known/jwks.json").unsigned().send().status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/liveness").unsigned().send().status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness").unsigned().send().status()).isEqualTo(503);

		redis.startAgain();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(check(live).status()).isEqualTo(200));
		assertThat(api.post("/api/auth/guest").send().status()).isEqualTo(200);
		assertThat(check(loggedOut).status()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(api.get("/actuator/health/readiness").unsigned().send().status()).isEqualTo(200));
	}

	@Test
	void startWhenRedisDownThenNotReadyAndServesOnceItComes() {
		try (TestRedisServer later = TestRedisServer.notStarted();
				TestInstance alone = TestInstance.start(TestInstance.SharedSecrets.generate(), postgres,
						TestRedis.newPrefix(), "--spring.data.redis.port=" + later.port())) {
			ApiClient client = alone.api();
			assertThat(client.get("/actuator/health/readiness").unsigned().send().status()).isEqualTo(503);
			assertServiceUnavailable(client.post("/api/auth/guest").send());

			later.startAgain();

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(client.post("/api/auth/guest").send().status()).isEqualTo(200));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(client.get("/actuator/health/readiness").unsigned().send().status())
					.isEqualTo(200));
		}
	}

	private static void assertServiceUnavailable(ApiResponse response) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.code()).isEqualTo("service-unavailable");
		assertThat(response.header("Retry-After")).isNotBlank();
	}

	private static ApiResponse check(Session session) {
		return api.get("/api/customers/check-username/" + USER)
			.bearer(session.token())
			.csrf(session.csrf())
			.header("x-username", USER)
			.send();
	}

	private static Session login() {
		ApiResponse login = api.post("/api/auth/token")
			.json(Map.of("username", USER, "password", "Gatehouse-demo-1"))
			.send();
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		String token = login.field("accessToken");
		String csrf = api.get("/api/auth/csrf-token").bearer(token).send().field("csrfToken");
		return new Session(token, csrf);
	}

	record Session(String token, String csrf) {
	}

}
