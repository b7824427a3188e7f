package io.gatehouse.customer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatehouse.audit.AuditLog;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

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

	@Autowired
	MeterRegistry meters;

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

	/**
	 * Changing a PIN needs the current one (issue 14: a 15-minute access token alone must
	 * not take over payments); failures are limited per user.
	 */
	@Nested
	class StepUp {

		@Test
		void setPinWhenChangedWithCurrentPinThenReplaced() {
			Session session = onboardedWithPin("2580");
			String before = pinHashOf(session);

			ApiResponse changed = changePin(session, "8264", "2580");

			assertThat(changed.status()).isEqualTo(204);
			assertThat(pinHashOf(session)).isNotEqualTo(before).startsWith("$argon2id$");
			assertThat(changePin(session, "1357", "2580").code()).as("the old PIN proves nothing now")
				.isEqualTo("pin-invalid");
			assertThat(changePin(session, "1357", "8264").status()).isEqualTo(204);
		}

		@Test
		void setPinWhenCurrentPinMissingThenPinInvalidAndUnchanged() {
			Session session = onboardedWithPin("2580");
			String before = pinHashOf(session);
			double rejected = auditCount("pin.rejected");

			ApiResponse response = setPin(session, "8264");

			assertThat(response.status()).isEqualTo(403);
			assertThat(response.code()).isEqualTo("pin-invalid");
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(pinHashOf(session)).isEqualTo(before);
			assertThat(auditCount("pin.rejected")).isEqualTo(rejected + 1);
		}

		@Test
		void setPinWhenCurrentPinWrongThenPinInvalidAndUnchanged() {
			Session session = onboardedWithPin("2580");
			String before = pinHashOf(session);

			ApiResponse wrong = changePin(session, "8264", "2581");
			ApiResponse empty = changePin(session, "8264", "");

			assertThat(wrong.status()).isEqualTo(403);
			assertThat(wrong.code()).isEqualTo("pin-invalid");
			assertThat(empty.code()).isEqualTo("pin-invalid");
			assertThat(pinHashOf(session)).isEqualTo(before);
		}

		@Test
		void setPinWhenWrongGuessesFloodInParallelThenOnlyFiveTriedAndRightPinThenLimited() throws Exception {
			Session session = onboardedWithPin("2580");
			String before = pinHashOf(session);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			List<ApiResponse> guesses = new ArrayList<>();
			try {
				List<Future<ApiResponse>> results = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					String guess = String.valueOf(3000 + i * 7);
					results.add(threads.submit(() -> {
						start.await();
						return changePin(session, "8264", guess);
					}));
				}
				start.countDown();
				for (Future<ApiResponse> result : results) {
					guesses.add(result.get());
				}
			}
			finally {
				threads.shutdownNow();
			}

			assertThat(guesses).filteredOn((r) -> r.status() == 403).hasSize(5);
			assertThat(guesses).filteredOn((r) -> r.status() == 429).hasSize(3).allSatisfy((r) -> {
				assertThat(r.code()).isEqualTo("rate-limited");
				assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
			});
			ApiResponse right = changePin(session, "8264", "2580");
			assertThat(right.status()).isEqualTo(429);
			assertThat(pinHashOf(session)).isEqualTo(before);
		}

		@Test
		void setPinWhenSuccessAfterFailuresThenCountCleared() {
			Session session = onboardedWithPin("2580");
			for (int i = 0; i < 4; i++) {
				assertThat(changePin(session, "8264", "1111").code()).isEqualTo("pin-invalid");
			}
			assertThat(changePin(session, "8264", "2580").status()).isEqualTo(204);

			for (int i = 0; i < 4; i++) {
				assertThat(changePin(session, "2580", "1111").code()).isEqualTo("pin-invalid");
			}
			assertThat(changePin(session, "2580", "8264").status()).isEqualTo(204);
		}

		Session onboardedWithPin(String pin) {
			String username = registerNewUser();
			Session session = OnboardingIntegrationTests.this.logins.user(username, PASSWORD);
			assertThat(createCustomer(session).status()).isEqualTo(201);
			assertThat(setPin(session, pin).status()).isEqualTo(204);
			return session;
		}

		String pinHashOf(Session session) {
			String payload = new String(Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[1]),
					StandardCharsets.UTF_8);
			return OnboardingIntegrationTests.this
				.pinHashOf(JsonMapper.builder().build().readTree(payload).get("sub").asString());
		}

		double auditCount(String type) {
			var counter = OnboardingIntegrationTests.this.meters.find(AuditLog.METRIC).tag("type", type).counter();
			return (counter != null) ? counter.count() : 0;
		}

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

	ApiResponse changePin(Session session, String pin, String currentPin) {
		return this.api.put("/api/customers/me/pin")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(Map.of("pin", pin, "currentPin", currentPin))
			.send();
	}

	ApiResponse setPin(Session session, String pin) {
		return this.api.put("/api/customers/me/pin")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(Map.of("pin", pin))
			.send();
	}

}
