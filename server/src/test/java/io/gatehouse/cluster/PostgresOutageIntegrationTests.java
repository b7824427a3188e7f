package io.gatehouse.cluster;

import java.time.Duration;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.RequiredService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance of profile {@code cluster} that loses PostgreSQL mid-run (its connections
 * go through a proxy the test cuts): requests that need the database answer 503 with
 * {@code Retry-After}, those that do not keep working, readiness goes DOWN while liveness
 * stays UP, and once the database is back the same instance serves again without a
 * restart.
 */
class PostgresOutageIntegrationTests {

	private static final String USER = "bmp_kfayy_6526";

	private static TestPostgres postgres;

	private static TcpProxy proxy;

	private static String redisPrefix;

	private static TestInstance instance;

	private static ApiClient api;

	@BeforeAll
	static void start() {
		RequiredService.assumeReachable("Redis", TestRedis.HOST, TestRedis.PORT);
		postgres = TestPostgres.newSchema();
		proxy = new TcpProxy("127.0.0.1", 5432);
		proxy.start();
		redisPrefix = TestRedis.newPrefix();
		instance = TestInstance.start(TestInstance.SharedSecrets.generate(), postgres, redisPrefix,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?currentSchema="
						+ postgres.schema());
		api = instance.api();
	}

	@AfterAll
	static void stop() {
		try {
			if (instance != null) {
				instance.close();
			}
			if (proxy != null) {
				proxy.close();
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
	void postgresDownThenServiceUnavailableAndAfterItReturnsServedAgain() {
		String token = login().field("accessToken");
		String csrf = api.get("/api/auth/csrf-token").bearer(token).send().field("csrfToken");
		assertThat(check(token, csrf).status()).isEqualTo(200);

		proxy.stop();

		assertServiceUnavailable(check(token, csrf));
		assertServiceUnavailable(login());
		// What needs no database keeps working: a guest token, a CSRF token for a
		// session.
		assertThat(api.post("/api/auth/guest").send().status()).isEqualTo(200);
		assertThat(api.get("/api/auth/csrf-token").bearer(token).send().status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/liveness").unsigned().send().status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness").unsigned().send().status()).isEqualTo(503);

		proxy.start();

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(check(token, csrf).status()).isEqualTo(200));
		assertThat(login().status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/readiness").unsigned().send().status()).isEqualTo(200);
	}

	private static void assertServiceUnavailable(ApiResponse response) {
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.code()).isEqualTo("service-unavailable");
		assertThat(response.header("Retry-After")).isNotBlank();
	}

	private static ApiResponse check(String token, String csrf) {
		return api.get("/api/customers/check-username/" + USER)
			.bearer(token)
			.csrf(csrf)
			.header("x-username", USER)
			.send();
	}

	private static ApiResponse login() {
		return api.post("/api/auth/token").json(Map.of("username", USER, "password", "Gatehouse-demo-1")).send();
	}

}
