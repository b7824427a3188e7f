package io.gatehouse.request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The JSON log switch, checked on a real server process: started with
 * {@code logging.structured.format.console=ecs} (what profile prod turns on), every line
 * it prints is one JSON object, and the access-log line carries its values and the trace
 * id as fields. Its access log is flushed every 10 s, so that the last test, which stops
 * the server, shows the lines still waiting in the buffer written on the way out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JsonLogsProcessTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String PASSWORD = "Wrong-Password-For-Logs-77";

	private static final List<String> lines = new CopyOnWriteArrayList<>();

	private static Process server;

	private static int port;

	@BeforeAll
	static void startServer() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString()));
		if (Runtime.version().feature() >= 22) {
			// What the exec jar's manifest (Enable-Native-Access) gives java -jar:
			// without it,
			// JDK 24+ prints a warning about JNA (libargon2) that is not a JSON line.
			command.add("--enable-native-access=ALL-UNNAMED");
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatehouseApplication.class.getName(),
				"--server.port=0", "--logging.structured.format.console=ecs",
				"--gatehouse.data-dir=target/json-logs-test",
				"--spring.datasource.url=jdbc:h2:mem:json-logs;DB_CLOSE_DELAY=-1", "--spring.jmx.enabled=false",
				"--gatehouse.access-log.flush-interval=10s"));
		server = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(JsonLogsProcessTests::readOutput, "json-logs-reader");
		reader.setDaemon(true);
		reader.start();
		// A loaded two-core machine can take minutes to start a Spring Boot server.
		try {
			port = await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(200))
				.failFast("server exited", () -> !server.isAlive())
				.until(JsonLogsProcessTests::startedPort, (started) -> started != 0);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			fail("server did not start (%s); its output:%n%s", ex.getMessage(), String.join("\n", lines));
		}
	}

	private static int startedPort() {
		return lines.stream()
			.map(STARTED::matcher)
			.filter(Matcher::find)
			.findFirst()
			.map((m) -> Integer.parseInt(m.group(1)))
			.orElse(0);
	}

	private static void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		if (server != null) {
			server.destroy();
			server.waitFor();
		}
	}

	@Test
	@Order(1)
	void logWhenJsonSwitchOnThenAccessLineCarriesFieldsAndTraceId() throws Exception {
		ApiClient api = new ApiClient(port);
		ApiResponse guest = api.post("/api/auth/guest")
			.header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
			.header("x-request-id", "json-logs-guest-1")
			.send();
		assertThat(guest.status()).as(guest.body()).isEqualTo(200);
		ApiResponse refused = api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", PASSWORD))
			.send();
		assertThat(refused.code()).isEqualTo("invalid-credentials");

		JsonNode access = awaitAccessLine("json-logs-guest-1");
		assertThat(access.path("message").asString()).contains("method=POST path=/api/auth/guest status=200");
		assertThat(access.path("method").asString()).isEqualTo("POST");
		assertThat(access.path("path").asString()).isEqualTo("/api/auth/guest");
		assertThat(access.path("status").asInt()).isEqualTo(200);
		assertThat(access.path("durationMs").isNumber()).isTrue();
		assertThat(access.path("clientAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(access.path("platform").asString()).isEqualTo("web");
		assertThat(access.path("appVersion").asString()).isEqualTo("1.4.0");
		assertThat(access.path("traceId").asString()).isEqualTo(TRACE_ID);
		assertThat(access.path("spanId").asString()).matches("[0-9a-f]{16}");
		assertThat(access.has("code")).isFalse();

		JsonNode failed = awaitAccessLine(refused.header("x-request-id"));
		assertThat(failed.path("status").asInt()).isEqualTo(401);
		assertThat(failed.path("code").asString()).isEqualTo("invalid-credentials");

		List<String> notJson = new ArrayList<>();
		for (String line : lines) {
			try {
				JSON.readTree(line);
			}
			catch (RuntimeException ex) {
				notJson.add(line);
			}
		}
		assertThat(notJson).as("lines that are not JSON").isEmpty();
		assertThat(String.join("\n", lines)).doesNotContain(PASSWORD, guest.field("accessToken"));
	}

	@Test
	@Order(2)
	void stopWhenAccessLinesWaitInTheBufferThenWrittenBeforeExit() throws Exception {
		ApiResponse guest = new ApiClient(port).post("/api/auth/guest")
			.header("x-request-id", "json-logs-before-stop")
			.send();
		assertThat(guest.status()).isEqualTo(200);

		// SIGTERM through the handle: Process.destroy() would also close the pipe
		// that this test reads the server's last lines from.
		assertThat(server.toHandle().destroy()).isTrue();
		assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("server stopped").isTrue();
		JsonNode access = awaitAccessLine("json-logs-before-stop");
		assertThat(access.path("status").asInt()).isEqualTo(200);
	}

	private static JsonNode awaitAccessLine(String requestId) {
		return await().alias("an access-log line for request " + requestId)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> accessLine(requestId), (line) -> line != null);
	}

	private static JsonNode accessLine(String requestId) {
		for (String line : lines) {
			JsonNode node = JSON.readTree(line);
			if ("gatehouse.access".equals(node.path("log").path("logger").asString())
					&& requestId.equals(node.path("requestId").asString())) {
				return node;
			}
		}
		return null;
	}

}
