package io.gatehouse.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.RequiredService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation, the grace, reuse, the race and the purge on PostgreSQL (profile
 * {@code postgres}, a schema of its own, dropped afterwards, and a clock the test moves):
 * the conditional UPDATE and the advisory lock behave there as the H2 tests show.
 */
class RefreshRotationPostgresTests {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String SCHEMA = "gh_auth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@TempDir
	static Path dataDir;

	static ConfigurableApplicationContext context;

	static ApiClient api;

	static final MutableClock clock = new MutableClock(Instant.now());

	@BeforeAll
	static void start() {
		RequiredService.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
		context = new SpringApplicationBuilder(GatehouseApplication.class).profiles("postgres")
			.initializers((context) -> context.getBeanFactory().registerSingleton("clock", clock))
			.run("--server.port=0", "--spring.jmx.enabled=false", "--gatehouse.data-dir=" + dataDir,
					"--spring.datasource.url=" + URL + "?currentSchema=" + SCHEMA, "--spring.flyway.schemas=" + SCHEMA,
					"--spring.flyway.default-schema=" + SCHEMA, "--gatehouse.demo-data=true");
		api = new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@AfterAll
	static void stop() throws Exception {
		if (context != null) {
			context.close();
		}
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	@Test
	void refreshWhenTwoRaceThenBothGetTheSamePair() throws Exception {
		for (int round = 0; round < 3; round++) {
			String refreshToken = login().field("refreshToken");
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<ApiResponse>> calls = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
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
				assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200);
				assertThat(responses.get(0).field("refreshToken")).isEqualTo(responses.get(1).field("refreshToken"));
				for (ApiResponse response : responses) {
					assertThat(
							call(api.get("/api/auth/csrf-token")).bearer(response.field("accessToken")).send().status())
						.isEqualTo(200);
				}
				assertThat(refresh(responses.get(0).field("refreshToken")).status()).isEqualTo(200);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void refreshWhenRetriedWithinGraceThenSamePairAndAfterGraceReuseRevokes() {
		String first = login().field("refreshToken");
		ApiResponse rotated = refresh(first);
		clock.advance(Duration.ofSeconds(5));

		ApiResponse retried = refresh(first);

		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.field("refreshToken")).isEqualTo(rotated.field("refreshToken"));
		clock.advance(Duration.ofSeconds(6));
		ApiResponse reuse = refresh(first);
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.code()).isEqualTo("refresh-token-reused");
		assertThat(refresh(rotated.field("refreshToken")).code()).isEqualTo("invalid-refresh-token");
		assertThat(call(api.get("/api/auth/csrf-token")).bearer(retried.field("accessToken")).send().code())
			.isEqualTo("invalid-token");
	}

	@Test
	void purgeWhenRowsEndedThenDeletedAndLiveOnesKept() {
		PurgeFixture rows = new PurgeFixture(context.getBean(JdbcClient.class), clock.instant());

		SessionHousekeeping.Purged purged = context.getBean(SessionHousekeeping.class).purge();

		assertThat(purged.ran()).isTrue();
		rows.assertOnlyLiveRowsLeft();
	}

	@Test
	void purgeWhenAnotherInstanceHoldsTheLockThenSkippedUntilReleased() throws Exception {
		PurgeFixture rows = new PurgeFixture(context.getBean(JdbcClient.class), clock.instant());
		SessionHousekeeping housekeeping = context.getBean(SessionHousekeeping.class);
		try (Connection other = DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, "postgres", "");
				Statement statement = other.createStatement()) {
			statement
				.execute("SELECT pg_advisory_lock(" + SessionHousekeeping.LOCK_CLASS + ", hashtext(current_schema()))");

			assertThat(housekeeping.purge()).isEqualTo(SessionHousekeeping.Purged.SKIPPED);
			rows.assertUntouched();

			statement.execute(
					"SELECT pg_advisory_unlock(" + SessionHousekeeping.LOCK_CLASS + ", hashtext(current_schema()))");
		}
		assertThat(housekeeping.purge().ran()).isTrue();
		rows.assertOnlyLiveRowsLeft();
	}

	@Test
	void refreshWhenUnusedThenRotatedAndLogoutEndsIt() {
		ApiResponse first = login();
		ApiResponse second = refresh(first.field("refreshToken"));
		assertThat(second.status()).isEqualTo(200);

		String csrf = call(api.get("/api/auth/csrf-token")).bearer(second.field("accessToken"))
			.send()
			.field("csrfToken");
		ApiResponse logout = call(api.post("/api/auth/logout")).bearer(second.field("accessToken")).csrf(csrf).send();

		assertThat(logout.status()).isEqualTo(204);
		assertThat(refresh(second.field("refreshToken")).code()).isEqualTo("invalid-refresh-token");
	}

	static ApiResponse login() {
		ApiResponse response = call(api.post("/api/auth/token"))
			.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
			.send();
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

	static ApiResponse refresh(String refreshToken) {
		return call(api.post("/api/auth/refresh")).json(Map.of("refreshToken", refreshToken)).send();
	}

	/** Signed at the server's time, which the test moves. */
	static ApiClient.Call call(ApiClient.Call call) {
		return call.timestamp(clock.millis());
	}

}
