package io.gatehouse.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.gatehouse.GatehouseApplication;
import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two starts of the embedded default on one data directory: the generated key and the
 * revocations of the first are there for the second.
 */
class SigningKeysRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenDataDirectoryKeptThenTokensAndRevocationsSurvive() throws Exception {
		String userToken;
		String loggedOutGuestToken;
		String jwksBefore;
		try (ConfigurableApplicationContext first = start()) {
			ApiClient api = client(first);
			userToken = api.post("/api/auth/token")
				.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
				.send()
				.field("accessToken");
			loggedOutGuestToken = api.post("/api/auth/guest").send().field("accessToken");
			String csrf = probe(api, loggedOutGuestToken).field("csrfToken");
			assertThat(api.post("/api/auth/logout").bearer(loggedOutGuestToken).csrf(csrf).send().status())
				.isEqualTo(204);
			jwksBefore = api.get("/.well-known/jwks.json").send().body();
		}
		Path keyFile = this.dataDir.resolve("signing-keys.jwks");
		assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

		try (ConfigurableApplicationContext second = start()) {
			ApiClient api = client(second);
			assertThat(api.get("/.well-known/jwks.json").send().body()).isEqualTo(jwksBefore);
			assertThat(probe(api, userToken).status()).isNotEqualTo(401);
			ApiResponse revoked = probe(api, loggedOutGuestToken);
			assertThat(revoked.status()).isEqualTo(401);
			assertThat(revoked.code()).isEqualTo("invalid-token");
		}
	}

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(GatehouseApplication.class).run("--server.port=0",
				"--gatehouse.data-dir=" + this.dataDir, "--spring.jmx.enabled=false");
	}

	static ApiClient client(ConfigurableApplicationContext context) {
		return new ApiClient(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

	/** An endpoint that needs only a bearer token: the session's CSRF token. */
	static ApiResponse probe(ApiClient api, String token) {
		return api.get("/api/auth/csrf-token").bearer(token).send();
	}

}
