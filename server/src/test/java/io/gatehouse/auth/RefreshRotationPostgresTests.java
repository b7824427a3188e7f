package io.gatehouse.auth;

import java.nio.file.Path;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation, reuse and the race on PostgreSQL (profile {@code postgres}, a schema of its
 * own, dropped afterwards): the conditional UPDATE behaves there as on H2.
 */
class RefreshRotationPostgresTests {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String SCHEMA = "gh_auth_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@TempDir
	static Path dataDir;

	static ConfigurableApplicationContext context;

	static ApiClient api;

	@BeforeAll
	static void start() {
		RequiredService.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
		context = new SpringApplicationBuilder(GatehouseApplication.class).profiles("postgres")
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
	void refreshWhenTwoRaceThenExactlyOneWinsAndReuseRevokesSession() throws Exception {
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
				assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 401);
				ApiResponse winner = responses.stream().filter((r) -> r.status() == 200).findFirst().orElseThrow();
				assertThat(responses).filteredOn((r) -> r.status() == 401)
					.extracting(ApiResponse::code)
					.containsExactly("refresh-token-reused");
				assertThat(refresh(winner.field("refreshToken")).code()).isEqualTo("invalid-refresh-token");
				assertThat(api.get("/api/auth/csrf-token").bearer(winner.field("accessToken")).send().code())
					.isEqualTo("invalid-token");
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void refreshWhenUnusedThenRotatedAndLogoutEndsIt() {
		ApiResponse first = login();
		ApiResponse second = refresh(first.field("refreshToken"));
		assertThat(second.status()).isEqualTo(200);

		String csrf = api.get("/api/auth/csrf-token").bearer(second.field("accessToken")).send().field("csrfToken");
		ApiResponse logout = api.post("/api/auth/logout").bearer(second.field("accessToken")).csrf(csrf).send();

		assertThat(logout.status()).isEqualTo(204);
		assertThat(refresh(second.field("refreshToken")).code()).isEqualTo("invalid-refresh-token");
	}

	static ApiResponse login() {
		ApiResponse response = api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
			.send();
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

	static ApiResponse refresh(String refreshToken) {
		return api.post("/api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
	}

}
