package io.gatehouse.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed-login and guest limits, small here so a test reaches them. The test client is
 * the trusted proxy, so each test speaks for client addresses of its own through
 * X-Forwarded-For, and each uses users of its own, so the buckets of one test do not
 * touch another's.
 */
@IntegrationTest
@TestPropertySource(properties = { "gatehouse.trusted-proxies=127.0.0.1",
		"gatehouse.rate-limits.login-failures-per-username-and-address.capacity=3",
		"gatehouse.rate-limits.login-failures-per-username.capacity=8",
		"gatehouse.rate-limits.login-failures-per-device.capacity=2",
		"gatehouse.rate-limits.login-failures-per-address.capacity=5",
		"gatehouse.rate-limits.guest-tokens-per-address.capacity=3" })
class LoginRateLimitIntegrationTests {

	static final String PASSWORD = "Blue-Harbor-Lantern-42";

	static final AtomicInteger USERS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void tokenWhenUsernameAndAddressFailuresExhaustedThenRefusedThereButNotFromAnotherAddress() {
		String user = newUser();
		for (int i = 0; i < 3; i++) {
			assertThat(login("198.51.100.1", user, "Wrong-password-1").code()).isEqualTo("invalid-credentials");
		}

		ApiResponse limited = login("198.51.100.1", user, PASSWORD);
		ApiResponse elsewhere = login("198.51.100.2", user, PASSWORD);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
	}

	@Test
	void tokenWhenLoginSucceedsThenUsernameAndAddressFailuresCleared() {
		String user = newUser();
		for (int i = 0; i < 2; i++) {
			assertThat(login("198.51.100.10", user, "Wrong-password-1").status()).isEqualTo(401);
		}
		assertThat(login("198.51.100.10", user, PASSWORD).status()).isEqualTo(200);

		for (int i = 0; i < 2; i++) {
			assertThat(login("198.51.100.10", user, "Wrong-password-1").status()).isEqualTo(401);
		}

		assertThat(login("198.51.100.10", user, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void tokenWhenLoginSucceedsThenDeviceTokenInResponse() {
		String user = newUser();

		ApiResponse response = login("198.51.100.15", user, PASSWORD);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("deviceToken")).matches("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
		assertThat(guest("198.51.100.16").json().has("deviceToken")).isTrue();
		assertThat(guest("198.51.100.16").field("deviceToken")).isNull();
	}

	@Test
	void tokenWhenUsernameCeilingReachedFromManyAddressesThenOnlyTheUsersOwnDeviceGetsIn() {
		String user = newUser();
		String deviceToken = login("198.51.100.50", user, PASSWORD).field("deviceToken");
		for (int i = 0; i < 8; i++) {
			assertThat(login("203.0.113." + (100 + i), user, "Wrong-password-" + i).status()).isEqualTo(401);
		}
		double lockouts = auditCount("login.locked-out");

		ApiResponse guess = login("203.0.113.120", user, "Wrong-password-x");
		ApiResponse newDevice = login("198.51.100.51", user, PASSWORD);
		ApiResponse ownDevice = login("198.51.100.52", user, PASSWORD, deviceToken);

		assertThat(guess.status()).isEqualTo(429);
		assertThat(newDevice.status()).isEqualTo(429);
		assertThat(auditCount("login.locked-out")).isEqualTo(lockouts + 2);
		assertThat(ownDevice.status()).as(ownDevice.body()).isEqualTo(200);
		assertThat(ownDevice.field("deviceToken")).isNotNull().isNotEqualTo(deviceToken);
	}

	@Test
	void tokenWhenDeviceFailuresUsedUpThenDeviceCountsAsUnknownClient() {
		String user = newUser();
		String deviceToken = login("198.51.100.55", user, PASSWORD).field("deviceToken");
		for (int i = 0; i < 8; i++) {
			login("203.0.113." + (130 + i), user, "Wrong-password-" + i);
		}
		for (int i = 0; i < 2; i++) {
			assertThat(login("198.51.100.55", user, "Wrong-password-1", deviceToken).status()).isEqualTo(401);
		}

		ApiResponse response = login("198.51.100.55", user, PASSWORD, deviceToken);

		assertThat(response.status()).isEqualTo(429);
		assertThat(response.code()).isEqualTo("rate-limited");
	}

	@Test
	void tokenWhenDeviceTokenOfAnotherUserOrMalformedThenNoExemption() {
		String user = newUser();
		String otherUsersToken = login("198.51.100.56", newUser(), PASSWORD).field("deviceToken");
		for (int i = 0; i < 8; i++) {
			login("203.0.113." + (150 + i), user, "Wrong-password-" + i);
		}

		assertThat(login("198.51.100.57", user, PASSWORD, otherUsersToken).status()).isEqualTo(429);
		assertThat(login("198.51.100.57", user, PASSWORD, "not-a-device-token").status()).isEqualTo(429);
		assertThat(login("198.51.100.57", user, PASSWORD, "x".repeat(5000)).status()).isEqualTo(429);
	}

	@Test
	void tokenWhenDeviceTokenMalformedThenIgnoredAndLoginWorks() {
		String user = newUser();

		ApiResponse response = login("198.51.100.58", user, PASSWORD, "garbage.token");

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void tokenWhenDeviceTokenNotTextThenInvalidRequest() {
		ApiResponse response = this.api.post("/api/auth/token")
			.header("X-Forwarded-For", "198.51.100.59")
			.json(Map.of("username", "fully_active", "password", PASSWORD, "deviceToken", 42))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("invalid-request");
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
		String user = newUser();
		List<ApiResponse> responses = concurrently(12,
				(i) -> login("203.0.113." + (i + 1), user, "Wrong-password-" + i));

		assertThat(responses).filteredOn((response) -> response.status() == 401).hasSizeLessThanOrEqualTo(8);
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

	ApiResponse login(String address, String username, String password, String deviceToken) {
		return this.api.post("/api/auth/token")
			.header("X-Forwarded-For", address)
			.json(Map.of("username", username, "password", password, "deviceToken", deviceToken))
			.send();
	}

	/** A new user of this test alone, registered from an address no login test uses. */
	String newUser() {
		String username = "limits_" + USERS.incrementAndGet();
		Session guest = new Logins(this.api).sharedGuest();
		ApiResponse registered = this.api.post("/api/auth/register")
			.header("X-Forwarded-For", "192.0.2.200")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.json(Map.of("username", username, "email", username + "@example.com", "phone", "+14155550123", "password",
					PASSWORD))
			.send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return username;
	}

	double auditCount(String type) {
		Counter counter = this.meters.find(AuditLog.METRIC).tag("type", type).counter();
		return (counter != null) ? counter.count() : 0;
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
