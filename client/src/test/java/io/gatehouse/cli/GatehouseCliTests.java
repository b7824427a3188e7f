package io.gatehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class GatehouseCliTests {

	@TempDir
	Path dir;

	private MockWebServer server;

	private final Map<String, String> env = new HashMap<>();

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.env.put("GATEHOUSE_SERVER", this.server.url("/").toString());
		this.env.put("GATEHOUSE_SESSION_FILE", this.dir.resolve("session.json").toString());
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private int run(String... args) {
		CommandLine commandLine = GatehouseCli.commandLine(this.env);
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	@Test
	void helpWhenAskedThenListsCommandsAndExitCodes() {
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString()).contains("check-username", "login", "set-pin", "onboard", "Exit codes",
				"4  rate limited");
	}

	@Test
	void checkUsernameWhenNameMissingThenUsageExitCode() {
		assertThat(run("check-username")).isEqualTo(2);
		assertThat(this.err.toString()).contains("Missing required parameter: 'NAME'");
	}

	@Test
	void checkUsernameWhenRemoteServerWithoutAppKeyThenUsageExitCode() {
		assertThat(run("--server", "https://gatehouse.example.com", "check-username", "abc")).isEqualTo(2);
		assertThat(this.err.toString()).contains("An app key is needed");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void guestWhenAppVersionMalformedThenUsageExitCode() {
		assertThat(run("--app-version", "1.4", "guest")).isEqualTo(2);
		assertThat(this.err.toString()).contains("MAJOR.MINOR.PATCH").doesNotContain("Exception");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void checkUsernameWhenJsonThenEightFieldsAndNextStep() throws Exception {
		this.server.enqueue(json(200, "{\"accessToken\":\"a.b.c\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
				+ "\"refreshToken\":null,\"refreshExpiresIn\":null,\"scope\":\"guest\"}"));
		this.server.enqueue(json(200, "{\"csrfToken\":\"c\",\"expiresIn\":7200}"));
		this.server.enqueue(json(200, "{\"exists\":false,\"hasCustomer\":false,\"customerId\":null,"
				+ "\"stripeCustomerId\":null,\"email\":null,\"phone\":null,\"subscriptionStatus\":null,\"pinSet\":false}"));

		assertThat(run("check-username", "new_name", "--json")).isZero();

		JsonNode printed = new ObjectMapper().readTree(this.out.toString());
		assertThat(printed.fieldNames()).toIterable()
			.containsExactly("exists", "hasCustomer", "customerId", "stripeCustomerId", "email", "phone",
					"subscriptionStatus", "pinSet", "nextStep");
		assertThat(printed.get("nextStep").asText()).isEqualTo("REGISTER");
		assertThat(this.dir.resolve("session.json")).exists();
	}

	@Test
	void loginWhenInvalidCredentialsThenAuthExitCodeAndDetail() {
		this.env.put("GATEHOUSE_PASSWORD", "wrong-password");
		this.server.enqueue(problem(401, "invalid-credentials"));

		assertThat(run("login", "bmp_kfayy_6526")).isEqualTo(3);
		assertThat(this.err.toString()).contains("invalid-credentials: detail", "request id req-1");
		assertThat(this.err.toString()).doesNotContain("wrong-password");
	}

	@Test
	void guestWhenRateLimitedThenRateLimitedExitCode() {
		this.server
			.enqueue(new MockResponse.Builder(problem(429, "rate-limited")).setHeader("Retry-After", "42").build());

		assertThat(run("guest")).isEqualTo(4);
		assertThat(this.err.toString()).contains("retry after 42 s");
	}

	@Test
	void guestWhenServerErrorThenServerExitCode() {
		this.server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());

		assertThat(run("guest")).isEqualTo(5);
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse problem(int status, String code) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/problem+json")
			.body("{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"detail\",\"requestId\":\"req-1\"}")
			.build();
	}

}
