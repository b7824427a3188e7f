package io.gatehouse.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON answers go out whole over real HTTP: with a {@code Content-Length} that matches
 * the body, never chunked (ContentLengthJsonConverter), for controllers' answers and
 * problems alike.
 */
@IntegrationTest
class JsonAnswerLengthIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void usernameCheckAnswerHasContentLength() {
		Session session = new Logins(this.api).demoUser("bmp_kfayy_6526");
		ApiResponse response = this.api.get("/api/customers/check-username/bmp_kfayy_6526")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", "bmp_kfayy_6526")
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertSentWhole(response);
	}

	@Test
	void keySetAnswerHasContentLength() {
		ApiResponse response = this.api.get("/.well-known/jwks.json").unsigned().send();
		assertThat(response.status()).isEqualTo(200);
		assertSentWhole(response);
	}

	@Test
	void tokenAnswerHasContentLength() {
		ApiResponse response = this.api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", "Gatehouse-demo-1"))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertSentWhole(response);
	}

	@Test
	void problemAnswerHasContentLength() {
		ApiResponse response = this.api.get("/api/customers/check-username/bmp_kfayy_6526").send();
		assertThat(response.status()).isEqualTo(401);
		assertSentWhole(response);
	}

	private static void assertSentWhole(ApiResponse response) {
		assertThat(response.header("Transfer-Encoding")).isNull();
		assertThat(response.header("Content-Length"))
			.isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
	}

}
