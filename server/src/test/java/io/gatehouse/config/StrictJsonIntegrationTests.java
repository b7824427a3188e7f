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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies over real HTTP: a value of the wrong JSON type and a repeated key are
 * 400 {@code invalid-request}, never coerced into something that passes or settled
 * silently.
 */
@IntegrationTest
class StrictJsonIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"username\":123,\"password\":\"Gatehouse-demo-1\"}",
			"{\"username\":\"bmp_kfayy_6526\",\"password\":true}",
			"{\"username\":\"bmp_kfayy_6526\",\"password\":1.5}" })
	void tokenWhenFieldNotStringThenInvalidRequest(String body) {
		ApiResponse response = this.api.post("/api/auth/token").body(body.getBytes(StandardCharsets.UTF_8)).send();
		assertInvalidRequest(response);
	}

	@Test
	void tokenWhenKeyRepeatedThenInvalidRequest() {
		String body = "{\"username\":\"fully_active\",\"username\":\"bmp_kfayy_6526\",\"password\":\"Gatehouse-demo-1\"}";
		ApiResponse response = this.api.post("/api/auth/token").body(body.getBytes(StandardCharsets.UTF_8)).send();
		assertInvalidRequest(response);
	}

	@Test
	void refreshWhenTokenIsNumberThenInvalidRequest() {
		ApiResponse response = this.api.post("/api/auth/refresh").json(Map.of("refreshToken", 5)).send();
		assertInvalidRequest(response);
	}

	@Test
	void setPinWhenPinIsNumberThenInvalidRequestAndPinUnset() {
		Session session = new Logins(this.api).demoUser("onboarded_no_pin");
		ApiResponse response = this.api.put("/api/customers/me/pin")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(Map.of("pin", 5739))
			.send();
		assertInvalidRequest(response);
		ApiResponse check = this.api.get("/api/customers/check-username/onboarded_no_pin")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", "onboarded_no_pin")
			.send();
		assertThat(check.json().get("pinSet").asBoolean()).isFalse();
	}

	@Test
	void tokenWhenStringsThenStillAccepted() {
		ApiResponse response = this.api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", "Gatehouse-demo-1"))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private static void assertInvalidRequest(ApiResponse response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("invalid-request");
	}

}
