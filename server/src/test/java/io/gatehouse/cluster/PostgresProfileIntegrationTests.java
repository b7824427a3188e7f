package io.gatehouse.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile {@code postgres} (PostgreSQL, state in process) starts on an empty schema,
 * migrates it, seeds the demo users when asked to and answers the username check.
 */
class PostgresProfileIntegrationTests {

	private static TestPostgres postgres;

	private static ConfigurableApplicationContext context;

	private static Path dataDir;

	private static ApiClient api;

	@BeforeAll
	static void start() throws Exception {
		postgres = TestPostgres.newSchema();
		dataDir = Files.createTempDirectory("gatehouse-postgres-profile");
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--gatehouse.data-dir=" + dataDir, "--gatehouse.demo-data=true"));
		args.addAll(postgres.springArgs());
		context = new SpringApplicationBuilder(GatehouseApplication.class).profiles("postgres")
			.run(args.toArray(String[]::new));
		api = new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (context != null) {
				context.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
			// It holds the generated signing key and CSRF secret.
			if (dataDir != null) {
				FileSystemUtils.deleteRecursively(dataDir);
			}
		}
	}

	@Test
	void usernameCheckWhenGuestThenOnlyExistsAnswered() {
		String token = api.post("/api/auth/guest").send().field("accessToken");
		String csrf = api.get("/api/auth/csrf-token").bearer(token).send().field("csrfToken");
		ApiResponse check = api.get("/api/customers/check-username/bmp_kfayy_6526")
			.bearer(token)
			.csrf(csrf)
			.header("x-username", "bmp_kfayy_6526")
			.send();
		assertThat(check.status()).as(check.body()).isEqualTo(200);
		assertThat(check.json().get("exists").asBoolean()).isTrue();
		assertThat(check.field("email")).isNull();
	}

	@Test
	void startWhenEmptySchemaThenMigratedIntoItsOwnSchema() throws Exception {
		try (var connection = postgres.connect();
				var query = connection.prepareStatement(
						"SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'accounts'")) {
			query.setString(1, postgres.schema());
			try (var rows = query.executeQuery()) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
		}
	}

}
