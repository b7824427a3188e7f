package io.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

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
	void tokenWhenUsernameFailuresRaceThenNoMoreGuessesThanTheLimit() throws Exception {
		List<ApiResponse> responses = concurrently(12,
				(i) -> login("203.0.113." + (i + 1), "bmp_kfayy_6526", "Wrong-password-" + i));

		assertThat(responses).filteredOn((response) -> response.status() == 401).hasSizeLessThanOrEqualTo(3);
		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.code()).isIn("invalid-credentials", "rate-limited"));
	}

	@Test
	void tokenWhenAddressFailuresRaceThenNoMoreGuessesThanTheLimit() throws Exception {
		List<ApiResponse> responses = concurrently(12, (i) -> login("198.51.100.60", "racer_" + i, "Wrong-password-1"));

		assertThat(responses).filteredOn((response) -> response.status() == 401).hasSizeLessThanOrEqualTo(5);
		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.code()).isIn("invalid-credentials", "rate-limited"));
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

	/** Sends {@code count} requests at once, each on a thread of its own. */
	static List<ApiResponse> concurrently(int count, IntFunction<ApiResponse> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ApiResponse>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(threads.submit(() -> {
					start.await();
					return request.apply(index);
				}));
			}
			start.countDown();
			List<ApiResponse> responses = new ArrayList<>();
			for (Future<ApiResponse> future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	ApiResponse guest(String address) {
		return this.api.post("/api/auth/guest").header("X-Forwarded-For", address).send();
	}

}
