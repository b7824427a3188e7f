package io.gatehouse.registration;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.account.HashingQueue;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration's limits (small here so a test reaches them) and the taken-name check
 * before any hash. The test client is the trusted proxy: each test speaks for addresses
 * of its own.
 */
@IntegrationTest
@TestPropertySource(properties = { "gatehouse.trusted-proxies=127.0.0.1",
		"gatehouse.rate-limits.registrations-per-session.capacity=2",
		"gatehouse.rate-limits.registrations-per-address.capacity=3" })
class RegistrationRateLimitIntegrationTests {

	static final AtomicInteger NAMES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	HashingQueue hashing;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
	}

	@Test
	void registerWhenSessionBudgetUsedThenRateLimitedButOtherSessionsNot() {
		Session session = this.logins.guest();
		assertThat(register(session, "198.51.100.1", valid(newName())).status()).isEqualTo(201);
		assertThat(register(session, "198.51.100.2", Map.of()).status()).isEqualTo(400);

		ApiResponse limited = register(session, "198.51.100.3", valid(newName()));
		ApiResponse other = register(this.logins.guest(), "198.51.100.3", valid(newName()));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(other.status()).as(other.body()).isEqualTo(201);
	}

	@Test
	void registerWhenAddressBudgetUsedThenRateLimitedForEverySession() {
		for (int i = 0; i < 3; i++) {
			assertThat(register(this.logins.guest(), "198.51.100.10", valid(newName())).status()).isEqualTo(201);
		}

		ApiResponse limited = register(this.logins.guest(), "198.51.100.10", valid(newName()));
		ApiResponse elsewhere = register(this.logins.guest(), "198.51.100.11", valid(newName()));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("rate-limited");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(elsewhere.status()).isEqualTo(201);
	}

	@Test
	void registerWhenLimitedThenRateLimitComesBeforeFieldValidation() {
		Session session = this.logins.guest();
		register(session, "198.51.100.20", Map.of());
		register(session, "198.51.100.20", Map.of());

		ApiResponse response = register(session, "198.51.100.20", Map.of());

		assertThat(response.status()).isEqualTo(429);
	}

	@Test
	void registerWhenUsernameTakenThenConflictWithoutHashing() {
		long hashes = this.hashing.hashesStarted();

		ApiResponse response = register(this.logins.guest(), "198.51.100.30", valid("FULLY_ACTIVE"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("username-taken");
		assertThat(this.hashing.hashesStarted()).isEqualTo(hashes);
	}

	ApiResponse register(Session session, String address, Map<String, String> body) {
		return this.api.post("/api/auth/register")
			.header("X-Forwarded-For", address)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(body)
			.send();
	}

	static Map<String, String> valid(String username) {
		return Map.of("username", username, "email", "someone@example.com", "phone", "+14155550123", "password",
				"Blue-Harbor-Lantern-42");
	}

	static String newName() {
		return "reg_limits_" + NAMES.incrementAndGet();
	}

}
