package io.gatehouse.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding (docs/contract.md §2: customers, me/pin) of newly registered users, over
 * real HTTP.
 */
@IntegrationTest
class OnboardingIntegrationTests {

	static final String PASSWORD = "Quiet-Meadow-Compass-7";

	static final AtomicInteger NAMES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
	}

	@Test
	void onboardingWhenNewUserThenRegisterLoginCustomerPinHome() {
		String username = registerNewUser();
		Session session = this.logins.user(username, PASSWORD);
		assertThat(check(session, username).json().get("hasCustomer").asBoolean()).isFalse();

		ApiResponse created = createCustomer(session);
		ApiResponse again = createCustomer(session);

		assertThat(created.status()).isEqualTo(201);
		assertThat(UUID.fromString(created.field("customerId"))).isNotNull();
		assertThat(created.json().get("hasCustomer").asBoolean()).isTrue();
		assertThat(created.field("stripeCustomerId")).isNull();
		assertThat(created.field("email")).isEqualTo(username + "@example.com");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(created.body());

		ApiResponse pin = setPin(session, "2580");

		assertThat(pin.status()).isEqualTo(204);
		ApiResponse home = check(session, username);
		assertThat(home.json().get("pinSet").asBoolean()).isTrue();
		assertThat(home.field("customerId")).isEqualTo(created.field("customerId"));
		String hash = this.jdbc
			.sql("SELECT c.pin_hash FROM customers c JOIN accounts a ON a.id = c.account_id WHERE a.username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$").doesNotContain("2580");
	}

	@Test
	void createCustomerWhenTwoRaceThenOneCreatedOtherSameProfile() throws Exception {
		Session session = this.logins.user(registerNewUser(), PASSWORD);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<ApiResponse> responses = new ArrayList<>();
		try {
			List<Future<ApiResponse>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(threads.submit(() -> {
					start.await();
					return createCustomer(session);
				}));
			}
			start.countDown();
			for (Future<ApiResponse> result : results) {
				responses.add(result.get());
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(201, 200);
		assertThat(responses.get(0).body()).isEqualTo(responses.get(1).body());
	}

	@Test
	void setPinWhenNoCustomerYetThenCustomerRequired() {
		Session session = this.logins.user(registerNewUser(), PASSWORD);

		ApiResponse response = setPin(session, "2580");

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.code()).isEqualTo("customer-required");
	}

	@Test
	void setPinWhenSetAgainThenReplaced() {
		Session session = this.logins.user(registerNewUser(), PASSWORD);
		createCustomer(session);

		assertThat(setPin(session, "2580").status()).isEqualTo(204);
		assertThat(setPin(session, "8264").status()).isEqualTo(204);
	}

	@Nested
	class WeakPins {

		@ParameterizedTest
		@ValueSource(strings = { "0000", "99999", "1234", "4321", "123456", "654321", "123", "1234567", "12a4", "" })
		void setPinWhenWeakThenWeakPin(String pin) {
			Session session = OnboardingIntegrationTests.this.logins.sharedDemoUser("onboarded_no_pin");

			ApiResponse response = setPin(session, pin);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("weak-pin");
		}

		@Test
		void setPinWhenPinMissingThenWeakPin() {
			Session session = OnboardingIntegrationTests.this.logins.sharedDemoUser("onboarded_no_pin");

			ApiResponse response = OnboardingIntegrationTests.this.api.put("/api/customers/me/pin")
				.bearer(session.accessToken())
				.csrf(session.csrfToken())
				.json(Map.of())
				.send();

			assertThat(response.code()).isEqualTo("weak-pin");
		}

		@Test
		void setPinWhenWeakThenPinUnchanged() {
			Session session = OnboardingIntegrationTests.this.logins.sharedDemoUser("fully_active");
			String before = pinHashOf("fully_active");

			setPin(session, "1111");

			assertThat(pinHashOf("fully_active")).isEqualTo(before);
		}

	}

	@Nested
	class Guests {

		@Test
		void createCustomerWhenGuestThenForbidden() {
			ApiResponse response = createCustomer(OnboardingIntegrationTests.this.logins.sharedGuest());

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("forbidden");
		}

		@Test
		void setPinWhenGuestThenForbidden() {
			ApiResponse response = setPin(OnboardingIntegrationTests.this.logins.sharedGuest(), "2580");

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("forbidden");
		}

		@Test
		void setPinWhenGuestAndWeakPinThenFieldsBeforeRights() {
			ApiResponse response = setPin(OnboardingIntegrationTests.this.logins.sharedGuest(), "1234");

			assertThat(response.code()).isEqualTo("weak-pin");
		}

	}

	String pinHashOf(String username) {
		return this.jdbc
			.sql("SELECT c.pin_hash FROM customers c JOIN accounts a ON a.id = c.account_id WHERE a.username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	String registerNewUser() {
		String username = "onb_user_" + NAMES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100000, 36);
		Session guest = this.logins.sharedGuest();
		ApiResponse response = this.api.post("/api/auth/register")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.json(Map.of("username", username, "email", username + "@example.com", "phone", "+14155550177", "password",
					PASSWORD))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}

	ApiResponse check(Session session, String username) {
		return this.api.get("/api/customers/check-username/" + username)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", username)
			.send();
	}

	ApiResponse createCustomer(Session session) {
		return this.api.post("/api/customers").bearer(session.accessToken()).csrf(session.csrfToken()).send();
	}

	ApiResponse setPin(Session session, String pin) {
		return this.api.put("/api/customers/me/pin")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(Map.of("pin", pin))
			.send();
	}

}
