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

	@Test
	void versionWhenAskedThenProjectVersion() {
		assertThat(run("--version")).isZero();
		assertThat(this.out.toString().trim()).isEqualTo("gatehouse " + System.getProperty("gatehouse.version"))
			.doesNotContain("@");
	}

	@Test
	void completionWhenBashThenScriptCompletesCommandsAndOptions() {
		assertThat(run("completion", "bash")).isZero();
		assertThat(this.out.toString()).contains("complete -F _complete_gatehouse", "check-username", "set-pin",
				"--password-file", "--app-key-secret-file", "--json");
		assertThat(this.out.toString()).doesNotContain("--app-key-secret ", "'--password'");
	}

	@Test
	void loginWhenPasswordArgumentThenRefusedBeforeAnyRequest() {
		assertThat(run("login", "bmp_kfayy_6526", "--password", "Gatehouse-demo-1")).isEqualTo(2);
		assertThat(this.err.toString()).contains("not taken as arguments", "--password-file")
			.doesNotContain("Gatehouse-demo-1");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void guestWhenAppKeySecretArgumentThenRefusedBeforeAnyRequest() {
		assertThat(run("--app-key-id", "android-demo", "--app-key-secret", "s3cr3t-s3cr3t", "guest")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--app-key-secret-file").doesNotContain("s3cr3t");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void setPinWhenPinArgumentThenRefusedBeforeAnyRequest() {
		assertThat(run("set-pin", "--pin", "2580")).isEqualTo(2);
		assertThat(this.err.toString()).contains("--pin-file");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void helpWhenAskedThenNoSecretArgumentOffered() {
		assertThat(run("--help")).isZero();
		assertThat(run("login", "--help")).isZero();
		assertThat(this.out.toString()).contains("--app-key-secret-file", "--password-file")
			.doesNotContain("--app-key-secret=", "--password=");
	}

	@Test
	void loginWhenPasswordFileThenSendsItWithoutTheLineBreak() throws Exception {
		Path file = this.dir.resolve("password");
		java.nio.file.Files.writeString(file, "from the file 1\n");
		this.env.put("GATEHOUSE_PASSWORD", "from the environment");
		this.server.enqueue(json(200, "{\"accessToken\":\"a.b.c\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
				+ "\"refreshToken\":\"r\",\"refreshExpiresIn\":900,\"scope\":\"user\"}"));

		assertThat(run("login", "bmp_kfayy_6526", "--password-file", file.toString(), "--json")).isZero();

		String body = this.server.takeRequest().getBody().utf8();
		assertThat(new ObjectMapper().readTree(body).get("password").asText()).isEqualTo("from the file 1");
		assertThat(new ObjectMapper().readTree(this.out.toString()).get("scope").asText()).isEqualTo("user");
	}

	@Test
	void loginWhenPasswordFileMissingThenUsageExitCode() {
		assertThat(run("login", "bmp_kfayy_6526", "--password-file", this.dir.resolve("none").toString())).isEqualTo(2);
		assertThat(this.err.toString()).contains("--password-file: cannot read");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void guestWhenRemoteServerAndAppKeySecretFileThenSignsWithIt() throws Exception {
		Path file = this.dir.resolve("app-key");
		java.nio.file.Files.writeString(file, "an-app-key-secret-of-32-bytes-or-more\n");
		this.server.enqueue(json(200, "{\"accessToken\":\"a.b.c\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
				+ "\"refreshToken\":null,\"refreshExpiresIn\":null,\"scope\":\"guest\"}"));

		assertThat(run("--app-key-id", "android-2026", "--app-key-secret-file", file.toString(), "guest", "--json"))
			.isZero();

		mockwebserver3.RecordedRequest request = this.server.takeRequest();
		String payload = request.getHeaders().get("x-app-payload");
		JsonNode fields = new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(payload));
		assertThat(fields.get("kid").asText()).isEqualTo("android-2026");
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec("an-app-key-secret-of-32-bytes-or-more".getBytes(), "HmacSHA256"));
		assertThat(request.getHeaders().get("x-app-signature")).isEqualTo(
				java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes())));
		assertThat(new ObjectMapper().readTree(this.out.toString()).get("scope").asText()).isEqualTo("guest");
	}

	@Test
	void guestWhenJsonAndFailureThenProblemAsJsonOnStandardError() throws Exception {
		this.server
			.enqueue(new MockResponse.Builder(problem(429, "rate-limited")).setHeader("Retry-After", "42").build());

		assertThat(run("guest", "--json")).isEqualTo(4);

		JsonNode failure = new ObjectMapper().readTree(this.err.toString());
		assertThat(failure.get("code").asText()).isEqualTo("rate-limited");
		assertThat(failure.get("status").asInt()).isEqualTo(429);
		assertThat(failure.get("requestId").asText()).isEqualTo("req-1");
		assertThat(failure.get("retryAfterSeconds").asLong()).isEqualTo(42);
	}

	@Test
	void logoutWhenJsonAndNoSessionThenLoggedOutFalse() throws Exception {
		assertThat(run("logout", "--json")).isZero();
		assertThat(new ObjectMapper().readTree(this.out.toString()).get("loggedOut").asBoolean()).isFalse();
	}

	@Test
	void everyCommandWhenListedThenTakesJson() {
		CommandLine commandLine = GatehouseCli.commandLine(this.env);
		commandLine.getSubcommands().forEach((name, command) -> {
			if (!name.equals("completion")) {
				assertThat(command.getCommandSpec().findOption("--json")).as(name).isNotNull();
			}
		});
		assertThat(commandLine.getSubcommands()).hasSize(8);
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
