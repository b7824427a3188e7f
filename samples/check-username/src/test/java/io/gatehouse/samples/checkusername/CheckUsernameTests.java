package io.gatehouse.samples.checkusername;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.gatehouse.GatehouseApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against the real server, started in-process on a random port with the
 * embedded default and its demo data.
 */
class CheckUsernameTests {

	private static ConfigurableApplicationContext server;

	private static String baseUrl;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@BeforeAll
	static void startServer() throws IOException {
		Path dataDir = Files.createTempDirectory("gatehouse-sample-");
		server = new SpringApplicationBuilder(GatehouseApplication.class).run("--server.port=0",
				"--gatehouse.data-dir=" + dataDir, "--spring.main.banner-mode=off");
		baseUrl = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	private int run(Map<String, String> extra, String... args) {
		Map<String, String> env = new java.util.HashMap<>(Map.of("GATEHOUSE_SERVER", baseUrl, "GATEHOUSE_APP_KEY_ID",
				"android-demo", "GATEHOUSE_APP_KEY_SECRET", "gatehouse-demo-android-key-change-me"));
		env.putAll(extra);
		return CheckUsername.run(args, env, new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void runWhenGuestChecksDemoUserThenLogInNext() {
		assertThat(run(Map.of(), "bmp_kfayy_6526")).isZero();
		assertThat(output()).contains("bmp_kfayy_6526: exists true, next step LOG_IN");
	}

	@Test
	void runWhenPasswordGivenThenLogsInAndShowsOwnNextStep() {
		assertThat(run(Map.of("GATEHOUSE_PASSWORD", "Gatehouse-demo-1"), "fully_active")).isZero();
		assertThat(output()).contains("Logged in as fully_active", "fully_active: exists true, next step HOME");
	}

	@Test
	void runWhenWrongPasswordThenRefusedWithCodeAndRequestId() {
		assertThat(run(Map.of("GATEHOUSE_PASSWORD", "not the password"), "fully_active")).isEqualTo(1);
		assertThat(output()).contains("Refused: invalid-credentials", "request id ");
	}

	@Test
	void runWhenWrongAppKeyThenRefusedBySignatureCheck() {
		assertThat(run(Map.of("GATEHOUSE_APP_KEY_SECRET", "not-the-android-key-but-long-enough-1"), "fully_active"))
			.isEqualTo(1);
		assertThat(output()).contains("Refused: signature-invalid");
	}

}
