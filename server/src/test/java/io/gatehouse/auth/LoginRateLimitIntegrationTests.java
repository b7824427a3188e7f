package io.gatehouse.auth;

import java.util.Map;

import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed-login and guest limits, small here so a test reaches them. The test client is
 * the trusted proxy, so each test speaks for client addresses of its own through
 * X-Forwarded-For and the buckets of one test do not touch another's.
 */
@IntegrationTest
@TestPropertySource(properties = { "gatehouse.trusted-proxies=127.0.0.1",
		"gatehouse.rate-limits.login-failures-per-username.capacity=3",
		"gatehouse.rate-limits.login-failures-per-address.capacity=5",
		"gatehouse.rate-limits.guest-tokens-per-address.capacity=3" })
class LoginRateLimitIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void tokenWhenUsernameFailuresExhaustedThenRateLimitedEvenWithRightPassword() {
		for (int i = 0; i < 3; i++) {
			assertThat(login("198.51.100.1", "fully_active", "Wrong-password-1").code())
				.isEqualTo("invalid-credentials");
		}

		ApiResponse limited = login("198.51.100.2", "fully_active", DemoData.PASSWORD);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
	}

	@Test
	void tokenWhenLoginSucceedsThenUsernameFailuresCleared() {
		for (int i = 0; i < 2; i++) {
			assertThat(login("198.51.100.10", "onboarded_no_pin", "Wrong-password-1").status()).isEqualTo(401);
		}
		assertThat(login("198.51.100.10", "onboarded_no_pin", DemoData.PASSWORD).status()).isEqualTo(200);

		for (int i = 0; i < 2; i++) {
			assertThat(login("198.51.100.10", "onboarded_no_pin", "Wrong-password-1").status()).isEqualTo(401);
		}

		assertThat(login("198.51.100.10", "onboarded_no_pin", DemoData.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void tokenWhenAddressFailuresExhaustedThenRateLimitedForAnyUsername() {
		for (int i = 0; i < 5; i++) {
			assertThat(login("198.51.100.20", "nobody_" + i, "Wrong-password-1").status()).isEqualTo(401);
		}

		ApiResponse limited = login("198.51.100.20", "someone_else", "Wrong-password-1");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(login("198.51.100.21", "someone_else", "Wrong-password-1").status()).isEqualTo(401);
	}

	@Test
	void tokenWhenAddressLimitedThenRateLimitComesBeforeFieldValidation() {
		for (int i = 0; i < 5; i++) {
			login("198.51.100.30", "nobody_" + i, "Wrong-password-1");
		}

		ApiResponse response = this.api.post("/api/auth/token")
			.header("X-Forwarded-For", "198.51.100.30")
			.json(Map.of())
			.send();

		assertThat(response.status()).isEqualTo(429);
	}

	@Test
	void guestWhenAddressExhaustedThenRateLimited() {
		for (int i = 0; i < 3; i++) {
			assertThat(guest("198.51.100.40").status()).isEqualTo(200);
		}

		ApiResponse limited = guest("198.51.100.40");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(guest("198.51.100.41").status()).isEqualTo(200);
	}

	ApiResponse login(String address, String username, String password) {
		return this.api.post("/api/auth/token")
			.header("X-Forwarded-For", address)
			.json(Map.of("username", username, "password", password))
			.send();
	}

	ApiResponse guest(String address) {
		return this.api.post("/api/auth/guest").header("X-Forwarded-For", address).send();
	}

}
