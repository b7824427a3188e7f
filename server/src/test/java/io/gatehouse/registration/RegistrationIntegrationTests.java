package io.gatehouse.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/auth/register} (docs/contract.md §2) over real HTTP. */
@IntegrationTest
class RegistrationIntegrationTests {

	static final String PASSWORD = "Blue-Harbor-Lantern-42";

	static final AtomicInteger NAMES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

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
	void registerWhenValidThenCreatedWithFullRecordAndLoginWorks() {
		String username = newName();

		ApiResponse response = register(this.logins.sharedGuest(), body(username.toUpperCase(Locale.ROOT)), null);

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.body()).isEqualTo("{\"exists\":true,\"hasCustomer\":false,\"customerId\":null,"
				+ "\"stripeCustomerId\":null,\"email\":\"" + username + "@example.com\",\"phone\":\"+14155550123\","
				+ "\"subscriptionStatus\":null,\"pinSet\":false}");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		String stored = this.jdbc.sql("SELECT password_hash FROM accounts WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("$argon2id$").doesNotContain(PASSWORD);
		Session session = this.logins.user(username, PASSWORD);
		assertThat(this.api.get("/api/customers/check-username/" + username)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", username)
			.send()
			.body()).isEqualTo(response.body());
	}

	@Test
	void registerWhenUserSessionThenAlsoAllowed() {
		ApiResponse response = register(this.logins.sharedDemoUser("bmp_kfayy_6526"), body(newName()), null);

		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void registerWhenNoBearerThenMissingToken() {
		ApiResponse response = this.api.post("/api/auth/register").json(body(newName())).send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("missing-token");
	}

	@Nested
	class Validation {

		@ParameterizedTest
		@ValueSource(strings = { "en", "es", "ur-PK" })
		void registerWhenEveryFieldBadThenEachNamedInLocale(String locale) {
			Map<String, Object> body = Map.of("username", "no", "email", "not-an-email", "phone", "03001234567",
					"password", "short");

			ApiResponse response = register(RegistrationIntegrationTests.this.logins.sharedGuest(), body, locale);

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("validation-failed");
			assertThat(response.header("Content-Language")).isEqualTo(locale.substring(0, 2));
			assertThat(errors(response)).containsExactly("username:format:" + message("username.format", locale),
					"email:format:" + message("email.format", locale),
					"phone:format:" + message("phone.format", locale),
					"password:size:" + message("password.size", locale));
		}

		@Test
		void registerWhenFieldsMissingThenEachRequired() {
			ApiResponse response = register(RegistrationIntegrationTests.this.logins.sharedGuest(), Map.of(), "es");

			assertThat(errors(response)).containsExactly("username:required:" + message("username.required", "es"),
					"email:required:" + message("email.required", "es"),
					"phone:required:" + message("phone.required", "es"),
					"password:required:" + message("password.required", "es"));
		}

		@Test
		void registerWhenPasswordIsUsernameThenSameAsUsername() {
			String username = "long_name_" + NAMES.incrementAndGet() + "_xyz";
			Map<String, Object> body = new HashMap<>(body(username));
			body.put("password", username.toUpperCase(Locale.ROOT));

			ApiResponse response = register(RegistrationIntegrationTests.this.logins.sharedGuest(), body, null);

			assertThat(errors(response))
				.containsExactly("password:same-as-username:" + message("password.same-as-username", "en"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "Password1234", "abcdefghijkl", "correct horse battery staple" })
		void registerWhenPasswordOnCommonListThenCreatedAsContractAllows(String password) {
			Map<String, Object> body = new HashMap<>(body(newName()));
			body.put("password", password);

			ApiResponse response = register(RegistrationIntegrationTests.this.logins.sharedGuest(), body, null);

			assertThat(response.status()).as(response.body()).isEqualTo(201);
		}

		@Test
		void registerWhenInvalidThenNothingStored() {
			String username = newName();
			Map<String, Object> body = new HashMap<>(body(username));
			body.put("phone", "+1");

			register(RegistrationIntegrationTests.this.logins.sharedGuest(), body, null);

			assertThat(RegistrationIntegrationTests.this.jdbc.sql("SELECT COUNT(*) FROM accounts WHERE username = ?")
				.param(username)
				.query(Long.class)
				.single()).isZero();
		}

		@Test
		void registerWhenBodyNotJsonObjectThenInvalidRequest() {
			Session guest = RegistrationIntegrationTests.this.logins.sharedGuest();

			ApiResponse response = RegistrationIntegrationTests.this.api.post("/api/auth/register")
				.bearer(guest.accessToken())
				.csrf(guest.csrfToken())
				.body("[1,2".getBytes())
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("invalid-request");
		}

		private String message(String key, String locale) {
			return RegistrationIntegrationTests.this.messages.getMessage("validation." + key, null,
					Locale.forLanguageTag(locale.substring(0, 2)));
		}

		private List<String> errors(ApiResponse response) {
			List<String> errors = new ArrayList<>();
			for (JsonNode error : response.json().get("errors")) {
				errors.add(error.get("field").asString() + ":" + error.get("code").asString() + ":"
						+ error.get("message").asString());
			}
			return errors;
		}

	}

	@Nested
	class Conflicts {

		@Test
		void registerWhenNameTakenInAnySpellingThenUsernameTaken() {
			Session guest = RegistrationIntegrationTests.this.logins.sharedGuest();

			ApiResponse exact = register(guest, body("bmp_kfayy_6526"), null);
			Map<String, Object> fullWidth = new HashMap<>(body("BMP_ＫＦＡＹＹ_6526"));
			fullWidth.put("email", "someone.else@example.com");
			ApiResponse folded = register(guest, fullWidth, null);

			assertThat(exact.status()).isEqualTo(409);
			assertThat(exact.code()).isEqualTo("username-taken");
			assertThat(folded.code()).isEqualTo("username-taken");
		}

		@Test
		void registerWhenTwoRaceForOneNameThenOneCreatedOneTaken() throws Exception {
			Session guest = RegistrationIntegrationTests.this.logins.sharedGuest();
			String username = newName();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				List<Future<ApiResponse>> results = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					results.add(threads.submit(() -> {
						start.await();
						return register(guest, body(username), null);
					}));
				}
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<ApiResponse> result : results) {
					statuses.add(result.get().status());
				}
				assertThat(statuses).containsExactlyInAnyOrder(201, 409);
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(RegistrationIntegrationTests.this.jdbc.sql("SELECT COUNT(*) FROM accounts WHERE username = ?")
				.param(username)
				.query(Long.class)
				.single()).isEqualTo(1);
		}

	}

	ApiResponse register(Session session, Map<String, Object> body, String locale) {
		ApiClient.Call call = this.api.post("/api/auth/register")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(body);
		if (locale != null) {
			call.header("locale", locale);
		}
		return call.send();
	}

	static Map<String, Object> body(String username) {
		return Map.of("username", username, "email", username.toLowerCase(Locale.ROOT) + "@example.com", "phone",
				"+14155550123", "password", PASSWORD);
	}

	static String newName() {
		return "reg_user_" + NAMES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100000, 36);
	}

}
