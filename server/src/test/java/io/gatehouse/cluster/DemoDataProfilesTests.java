package io.gatehouse.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.RequiredService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Demo users only where asked for (issue 14 §1), on PostgreSQL: {@code postgres} and
 * {@code cluster} seed none unless {@code gatehouse.demo-data=true}, and {@code prod}
 * refuses a database that holds them.
 */
class DemoDataProfilesTests {

	static final String PROD_KID = "web-prod-test";

	static final String PROD_SECRET = "a-production-web-key-from-the-vault-0123456789";

	private TestPostgres postgres;

	private Path dataDir;

	@BeforeEach
	void setUp() throws Exception {
		this.postgres = TestPostgres.newSchema();
		this.dataDir = Files.createTempDirectory("gatehouse-demo-data");
	}

	@AfterEach
	void tearDown() {
		try {
			this.postgres.close();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.dataDir.toFile());
		}
	}

	@Test
	void startWhenPostgresProfileWithoutDemoDataFlagThenNoAccountSeeded() throws Exception {
		try (ConfigurableApplicationContext context = start(List.of("postgres"), List.of())) {
			assertThat(context.isRunning()).isTrue();
		}

		assertThat(accounts()).isEmpty();
	}

	@Test
	void startWhenClusterAsDocsClusterMdSaysThenNoSupportAgent() throws Exception {
		RequiredService.assumeReachable("Redis", TestRedis.HOST, TestRedis.PORT);
		TestInstance.SharedSecrets secrets = TestInstance.SharedSecrets.generate();
		String redisPrefix = TestRedis.newPrefix();
		// Step 4 of docs/cluster.md (the doc sets no demo-data flag), plus a Redis key
		// prefix of its own.
		List<String> asDocumented = List.of("--gatehouse.tokens.signing-keys=" + secrets.signingKeys(),
				"--gatehouse.csrf.secret=" + secrets.csrfSecret(), "--gatehouse.trusted-proxies=127.0.0.1",
				"--gatehouse.redis.key-prefix=" + redisPrefix);
		try (ConfigurableApplicationContext context = start(List.of("cluster"), asDocumented)) {
			ApiClient api = new ApiClient(port(context));
			// The first Redis connection of a cold instance may outlast the 500 ms
			// timeout on a loaded machine (503 service-unavailable): ask again until
			// Redis answers.
			ApiResponse login = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> api.post("/api/auth/token")
					.json(Map.of("username", "support_agent", "password", DemoData.PASSWORD))
					.send(), (response) -> response.status() != 503);

			assertThat(login.status()).isEqualTo(401);
			assertThat(login.code()).isEqualTo("invalid-credentials");
		}
		finally {
			TestRedis.deleteKeys(TestRedis.PORT, redisPrefix);
		}
		assertThat(accounts()).doesNotContain("support_agent").isEmpty();
	}

	@Test
	void startWhenProdOverDatabaseSeededByEarlierStartThenRefusesNamingTheAccounts() throws Exception {
		try (ConfigurableApplicationContext seeding = start(List.of("postgres"),
				List.of("--gatehouse.demo-data=true"))) {
			assertThat(seeding.isRunning()).isTrue();
		}
		assertThat(accounts()).contains("support_agent");

		assertThatException().isThrownBy(() -> start(List.of("postgres", "prod"), prodSettings()))
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessage("Refusing to start with profile prod: the database holds the demo accounts "
					+ "bmp_kfayy_6526, fully_active, onboarded_no_pin, support_agent "
					+ "(docs/contract.md §6, public password); delete them");
	}

	@Test
	void startWhenProdAfterDemoAccountsDeletedThenStarts() throws Exception {
		try (ConfigurableApplicationContext seeding = start(List.of("postgres"),
				List.of("--gatehouse.demo-data=true"))) {
			// A session and a refresh token that reference the account, as a demo that
			// was
			// used.
			ApiResponse login = new ApiClient(port(seeding)).post("/api/auth/token")
				.json(Map.of("username", "fully_active", "password", DemoData.PASSWORD))
				.send();
			assertThat(login.status()).as(login.body()).isEqualTo(200);
		}
		// The statements docs/security.md gives operators, as written there.
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement()) {
			for (String sql : documentedDeletion()) {
				statement.execute(sql);
			}
		}
		assertThat(accounts()).isEmpty();

		try (ConfigurableApplicationContext prod = start(List.of("postgres", "prod"), prodSettings())) {
			assertThat(prod.isRunning()).isTrue();
		}
	}

	/** Everything prod asks for, so the database is the only thing it can refuse. */
	private static List<String> prodSettings() {
		TestInstance.SharedSecrets secrets = TestInstance.SharedSecrets.generate();
		return List.of("--management.server.port=0", "--gatehouse.tokens.signing-keys=" + secrets.signingKeys(),
				"--gatehouse.tokens.generate-missing-keys=false", "--gatehouse.csrf.secret=" + secrets.csrfSecret(),
				"--gatehouse.app-signature.apps[0].kid=" + PROD_KID, "--gatehouse.app-signature.apps[0].platform=web",
				"--gatehouse.app-signature.apps[0].secret=" + PROD_SECRET);
	}

	private ConfigurableApplicationContext start(List<String> profiles, List<String> settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--spring.application.admin.enabled=false", "--gatehouse.data-dir=" + this.dataDir));
		args.addAll(this.postgres.springArgs());
		args.addAll(settings);
		return new SpringApplicationBuilder(GatehouseApplication.class).profiles(profiles.toArray(String[]::new))
			.run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * The SQL block of docs/security.md, "Deploying to production", one statement each.
	 */
	private static List<String> documentedDeletion() throws IOException {
		String docs = Files.readString(Path.of("../docs/security.md"), StandardCharsets.UTF_8);
		int start = docs.indexOf("```sql\n") + "```sql\n".length();
		String block = docs.substring(start, docs.indexOf("```", start));
		return Arrays.stream(block.replaceAll("(?m)^--.*$", "").split(";"))
			.map(String::strip)
			.filter((sql) -> !sql.isEmpty())
			.toList();
	}

	private List<String> accounts() throws SQLException {
		List<String> usernames = new ArrayList<>();
		try (Connection connection = this.postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT username FROM accounts ORDER BY username")) {
			while (rows.next()) {
				usernames.add(rows.getString(1));
			}
		}
		return usernames;
	}

}
