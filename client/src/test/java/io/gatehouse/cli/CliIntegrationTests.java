package io.gatehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.gatehouse.client.RealServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged {@code gatehouse} jar as a separate process per command against the
 * real server, as a user would: output, exit codes, and the session file between runs.
 */
@Tag("integration")
@ExtendWith(RealServer.Extension.class)
class CliIntegrationTests {

	private static final Path JAR = Path.of(System.getProperty("gatehouse.cli.jar", "target/missing-cli.jar"));

	@TempDir
	Path dir;

	private Path sessionFile;

	private String baseUrl;

	@BeforeEach
	void setUp(RealServer server) {
		assertThat(JAR).as("the CLI jar, built at package").exists();
		this.sessionFile = this.dir.resolve("session.json");
		this.baseUrl = server.baseUrl();
	}

	@Test
	void loginCheckAndLogoutWhenSeparateProcessesThenSessionFileCarriesTheSession() throws Exception {
		Result guest = run(Map.of(), "check-username", "bmp_kfayy_6526");
		assertThat(guest.exitCode()).isZero();
		assertThat(guest.out()).contains("exists:", "true", "nextStep:", "LOG_IN");

		Result wrong = run(Map.of("GATEHOUSE_PASSWORD", "not the password"), "login", RealServer.uniqueUsername());
		assertThat(wrong.exitCode()).isEqualTo(3);
		assertThat(wrong.err()).contains("invalid-credentials", "request id");

		Result login = run(Map.of("GATEHOUSE_PASSWORD", RealServer.PASSWORD), "login", "bmp_kfayy_6526");
		assertThat(login.exitCode()).isZero();
		assertThat(login.out()).contains("Logged in as bmp_kfayy_6526 (scope user)");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.sessionFile)))
			.isEqualTo("rw-------");
		assertThat(Files.readString(this.sessionFile)).doesNotContain(RealServer.PASSWORD);

		Result own = run(Map.of(), "check-username", "bmp_kfayy_6526", "--json");
		assertThat(own.exitCode()).isZero();
		assertThat(own.out()).contains("\"email\" : \"testuserbmp@yopmail.com\"", "\"nextStep\" : \"ONBOARDING\"");

		Result logout = run(Map.of(), "logout");
		assertThat(logout.exitCode()).isZero();
		assertThat(logout.out()).contains("Logged out");
		// Only the login's device token stays (kept across logout, docs/contract.md §2).
		assertThat(Files.readString(this.sessionFile)).contains("deviceTokens", "bmp_kfayy_6526")
			.doesNotContain("accessToken", "refreshToken", "csrfToken");
		assertThat(run(Map.of(), "check-username", "bmp_kfayy_6526").out()).contains("LOG_IN");
	}

	@Test
	void registerOnboardAndSetPinWhenNewUserThenHome() throws Exception {
		String username = RealServer.uniqueUsername();
		Map<String, String> password = Map.of("GATEHOUSE_PASSWORD", "a long enough password");

		Result register = run(password, "register", username, "--email", username + "@yopmail.com", "--phone",
				RealServer.uniquePhone());
		assertThat(register.exitCode()).as(register.err()).isZero();
		assertThat(register.out()).contains("LOG_IN");
		assertThat(run(password, "login", username).exitCode()).isZero();
		assertThat(run(Map.of(), "onboard").out()).contains("hasCustomer:", "SET_PIN");

		Result weak = run(Map.of("GATEHOUSE_PIN", "1111"), "set-pin");
		assertThat(weak.exitCode()).isEqualTo(2);
		assertThat(weak.err()).contains("weak-pin");
		assertThat(run(Map.of("GATEHOUSE_PIN", "2580"), "set-pin").out()).contains("PIN set");

		assertThat(run(Map.of(), "check-username", username).out()).contains("HOME");
	}

	@Test
	void checkUsernameWhenInvalidNameThenUsageExitCodeAndNoSession() throws Exception {
		Result invalid = run(Map.of(), "check-username", "a/b");

		assertThat(invalid.exitCode()).isEqualTo(2);
		assertThat(invalid.err()).contains("invalid-username");
	}

	@Test
	void helpWhenAskedForACommandThenDescribesIt() throws Exception {
		Result help = run(Map.of(), "login", "--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: gatehouse login", "GATEHOUSE_PASSWORD");
	}

	@Test
	void guestWhenServerDownThenServerExitCode() throws Exception {
		Result down = run(Map.of("GATEHOUSE_SERVER", "http://127.0.0.1:9"), "guest");

		assertThat(down.exitCode()).isEqualTo(5);
		assertThat(down.err()).contains("could not be reached");
	}

	@Test
	void loginWhenPasswordFileThenLogsInAndJsonAnswers() throws Exception {
		Path password = this.dir.resolve("password.txt");
		Files.writeString(password, RealServer.PASSWORD + "\n");

		Result login = run(Map.of(), "login", "bmp_kfayy_6526", "--password-file", password.toString(), "--json");

		assertThat(login.exitCode()).as(login.err()).isZero();
		assertThat(login.out()).contains("\"subject\" : \"bmp_kfayy_6526\"", "\"scope\" : \"user\"");
		Result refused = run(Map.of(), "login", "bmp_kfayy_6526", "--password", RealServer.PASSWORD);
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("not taken as arguments").doesNotContain(RealServer.PASSWORD);
	}

	@Test
	void versionAndCompletionWhenRunThenProjectVersionAndBashScript() throws Exception {
		Result version = run(Map.of(), "--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out().trim()).isEqualTo("gatehouse " + System.getProperty("gatehouse.version"));

		Result completion = run(Map.of(), "completion", "bash");
		assertThat(completion.exitCode()).isZero();
		assertThat(completion.out()).contains("complete -F _complete_gatehouse", "check-username");
	}

	private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("GATEHOUSE_SERVER", this.baseUrl);
		builder.environment().put("GATEHOUSE_SESSION_FILE", this.sessionFile.toString());
		builder.environment().remove("GATEHOUSE_PASSWORD");
		builder.environment().remove("GATEHOUSE_PIN");
		builder.environment().putAll(env);
		Path out = Files.createTempFile(this.dir, "out", ".txt");
		Path err = Files.createTempFile(this.dir, "err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		// No terminal and an empty standard input: a missing secret is a usage error, not
		// a hang.
		process.getOutputStream().close();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("gatehouse " + String.join(" ", args) + " did not finish in 60 s");
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String out, String err) {

	}

}
