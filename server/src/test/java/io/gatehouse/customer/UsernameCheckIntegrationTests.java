package io.gatehouse.customer;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/contract.md §3 over real HTTP, with the demo users of §6. */
@IntegrationTest
class UsernameCheckIntegrationTests {

	static final String REFERENCE = "{\"exists\":true,\"hasCustomer\":false,\"customerId\":null,"
			+ "\"stripeCustomerId\":null,\"email\":\"testuserbmp@yopmail.com\",\"phone\":\"+923185456266\","
			+ "\"subscriptionStatus\":null,\"pinSet\":false}";

	static final String EXISTS_ONLY = "{\"exists\":true,\"hasCustomer\":false,\"customerId\":null,"
			+ "\"stripeCustomerId\":null,\"email\":null,\"phone\":null,\"subscriptionStatus\":null,\"pinSet\":false}";

	static final String UNKNOWN = EXISTS_ONLY.replace("\"exists\":true", "\"exists\":false");

	static final String FULLY_ACTIVE = "{\"exists\":true,\"hasCustomer\":true,"
			+ "\"customerId\":\"0b7e9a1c-2d3f-4e5a-9b6c-7d8e9f0a1b2c\",\"stripeCustomerId\":\"cus_QdemoActive0001\","
			+ "\"email\":\"active@example.com\",\"phone\":\"+14155550102\",\"subscriptionStatus\":\"active\","
			+ "\"pinSet\":true}";

	@LocalServerPort
	int port;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
	}

	@Test
	void checkWhenReferenceUserAsItselfThenReferenceBytes() {
		ApiResponse response = check(this.logins.sharedDemoUser("bmp_kfayy_6526"), "bmp_kfayy_6526");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(REFERENCE);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.header("Content-Type")).startsWith("application/json");
	}

	/** The next-step table of docs/contract.md §3, one row each. */
	@Nested
	class NextSteps {

		@Test
		void checkWhenNameUnknownThenRegister() {
			ApiResponse response = check(UsernameCheckIntegrationTests.this.logins.sharedGuest(), "nobody_here_1");

			assertThat(response.body()).isEqualTo(UNKNOWN);
		}

		@Test
		void checkWhenNameExistsAndCallerIsNotItThenLogIn() {
			ApiResponse response = check(UsernameCheckIntegrationTests.this.logins.sharedGuest(), "bmp_kfayy_6526");

			assertThat(response.body()).isEqualTo(EXISTS_ONLY);
		}

		@Test
		void checkWhenSelfWithoutCustomerThenOnboarding() {
			JsonNode body = check(UsernameCheckIntegrationTests.this.logins.sharedDemoUser("bmp_kfayy_6526"),
					"bmp_kfayy_6526")
				.json();

			assertThat(body.get("exists").asBoolean()).isTrue();
			assertThat(body.get("hasCustomer").asBoolean()).isFalse();
		}

		@Test
		void checkWhenSelfWithCustomerWithoutPinThenSetPin() {
			ApiResponse response = check(UsernameCheckIntegrationTests.this.logins.sharedDemoUser("onboarded_no_pin"),
					"onboarded_no_pin");

			assertThat(response.body()).isEqualTo("{\"exists\":true,\"hasCustomer\":true,"
					+ "\"customerId\":\"6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e\",\"stripeCustomerId\":\"cus_QdemoOnboard01\","
					+ "\"email\":\"onboarded@example.com\",\"phone\":\"+14155550101\",\"subscriptionStatus\":null,"
					+ "\"pinSet\":false}");
		}

		@Test
		void checkWhenSelfWithCustomerAndPinThenHome() {
			ApiResponse response = check(UsernameCheckIntegrationTests.this.logins.sharedDemoUser("fully_active"),
					"fully_active");

			assertThat(response.body()).isEqualTo(FULLY_ACTIVE);
		}

	}

	@Nested
	class Visibility {

		@Test
		void checkWhenGuestThenExistsOnly() {
			assertThat(check(UsernameCheckIntegrationTests.this.logins.sharedGuest(), "fully_active").body())
				.isEqualTo(EXISTS_ONLY);
		}

		@Test
		void checkWhenOtherUserThenExistsOnly() {
			Session other = UsernameCheckIntegrationTests.this.logins.sharedDemoUser("bmp_kfayy_6526");

			assertThat(check(other, "fully_active").body()).isEqualTo(EXISTS_ONLY);
		}

		@Test
		void checkWhenSupportAgentThenFullRecord() {
			Session support = UsernameCheckIntegrationTests.this.logins.sharedDemoUser("support_agent");

			assertThat(check(support, "fully_active").body()).isEqualTo(FULLY_ACTIVE);
		}

		@Test
		void checkWhenSupportAgentAndUnknownNameThenSameShapeAsForGuest() {
			Session support = UsernameCheckIntegrationTests.this.logins.sharedDemoUser("support_agent");

			assertThat(check(support, "nobody_here_2").body()).isEqualTo(UNKNOWN);
		}

		@Test
		void checkWhenSelfUnderAnotherSpellingThenFullRecord() {
			Session self = UsernameCheckIntegrationTests.this.logins.sharedDemoUser("bmp_kfayy_6526");

			ApiResponse response = UsernameCheckIntegrationTests.this.api
				.get("/api/customers/check-username/BMP_KFAYY_6526")
				.bearer(self.accessToken())
				.csrf(self.csrfToken())
				.header("x-username", "Bmp_Kfayy_6526")
				.send();

			assertThat(response.body()).isEqualTo(REFERENCE);
		}

	}

	@Nested
	class InvalidUsername {

		static Stream<Arguments> vectors() throws IOException {
			String json = Files.readString(Path.of("../testdata/username-vectors.json"), StandardCharsets.UTF_8);
			JsonNode vectors = JsonMapper.builder().build().readTree(json).get("vectors");
			return vectors.valueStream()
				.map((vector) -> Arguments.of(vector.get("input").asString(), vector.get("why").asString(),
						vector.get("normalized").isNull() ? null : vector.get("normalized").asString()));
		}

		@ParameterizedTest(name = "{1}")
		@MethodSource("vectors")
		void checkWhenSharedVectorThenAsNormalised(String input, String why, String normalized) {
			Session session = UsernameCheckIntegrationTests.this.logins.sharedDemoUser("support_agent");

			ApiResponse response = UsernameCheckIntegrationTests.this.api
				.get("/api/customers/check-username/" + encodeSegment(input))
				.bearer(session.accessToken())
				.csrf(session.csrfToken())
				.header("x-username", (normalized != null) ? normalized : "abc")
				.send();

			if (normalized == null) {
				assertThat(response.status()).as(why).isEqualTo(400);
				assertThat(response.code()).as(why).isEqualTo("invalid-username");
				assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			}
			else {
				assertThat(response.status()).as(why).isEqualTo(200);
			}
		}

		@ParameterizedTest
		@ValueSource(strings = { "a%2Fb", "a%2fb", "..", "%2E%2E", "a%00b", "a%0Ab", "a%0D%0Ab", "a%01b", "a%7Fb",
				"a%5Cb", "a;b", "", "a/b", "/abc", "%F0%9F%98%80abc", "%C3%A9abc", "a%20b", "..%2F..%2Fetc" })
		void checkWhenPathMalformedThenInvalidUsername(String rawSegment) {
			Session session = UsernameCheckIntegrationTests.this.logins.sharedDemoUser("support_agent");

			ApiResponse response = UsernameCheckIntegrationTests.this.api
				.get("/api/customers/check-username/" + rawSegment)
				.bearer(session.accessToken())
				.csrf(session.csrfToken())
				.header("x-username", "abc")
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("invalid-username");
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		}

		/** What the JDK client refuses to send: a bad percent escape. */
		@ParameterizedTest
		@ValueSource(strings = { "abc%", "abc%zz", "a%G0b" })
		void checkWhenPercentEscapeMalformedThenInvalidUsername(String rawSegment) throws IOException {
			String response = rawGet("/api/customers/check-username/" + rawSegment);

			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).contains("\"code\":\"invalid-username\"");
		}

		/**
		 * A raw control byte makes the request line unparseable, so Tomcat cannot even
		 * say which path was asked for: still a 400 problem, {@code invalid-request}.
		 */
		@ParameterizedTest
		@ValueSource(strings = { "a\u0001b", "a\u007fb" })
		void checkWhenRawControlByteThenInvalidRequestProblem(String rawSegment) throws IOException {
			String response = rawGet("/api/customers/check-username/" + rawSegment);

			assertThat(response).startsWith("HTTP/1.1 400");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).contains("\"code\":\"invalid-request\"");
		}

		String rawGet(String target) throws IOException {
			try (Socket socket = new Socket("127.0.0.1", UsernameCheckIntegrationTests.this.port)) {
				socket.getOutputStream()
					.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.ISO_8859_1));
				return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
		}

		static String encodeSegment(String input) {
			StringBuilder encoded = new StringBuilder();
			for (byte b : input.getBytes(StandardCharsets.UTF_8)) {
				char c = (char) (b & 0xff);
				if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
						|| c == '-') {
					encoded.append(c);
				}
				else {
					encoded.append('%').append(String.format("%02X", b & 0xff));
				}
			}
			return encoded.toString();
		}

	}

	@Nested
	class XUsername {

		@Test
		void checkWhenHeaderNamesOtherUserThenUsernameMismatch() {
			ApiResponse response = checkWithHeader("fully_active");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("username-mismatch");
		}

		@Test
		void checkWhenHeaderInvalidThenUsernameMismatch() {
			assertThat(checkWithHeader("bmp kfayy").code()).isEqualTo("username-mismatch");
		}

		@Test
		void checkWhenHeaderMissingOrEmptyThenInvalidHeader() {
			assertThat(checkWithHeader(null).code()).isEqualTo("invalid-header");
			assertThat(checkWithHeader("").code()).isEqualTo("invalid-header");
		}

		@Test
		void checkWhenPathInvalidAndHeaderMissingThenInvalidUsernameFirst() {
			Session session = UsernameCheckIntegrationTests.this.logins.sharedGuest();

			ApiResponse response = UsernameCheckIntegrationTests.this.api.get("/api/customers/check-username/ab")
				.bearer(session.accessToken())
				.csrf(session.csrfToken())
				.send();

			assertThat(response.code()).isEqualTo("invalid-username");
		}

		private ApiResponse checkWithHeader(String header) {
			Session session = UsernameCheckIntegrationTests.this.logins.sharedGuest();
			return UsernameCheckIntegrationTests.this.api.get("/api/customers/check-username/bmp_kfayy_6526")
				.bearer(session.accessToken())
				.csrf(session.csrfToken())
				.header("x-username", header)
				.send();
		}

	}

	@Test
	void checkWhenNoBearerThenMissingToken() {
		ApiResponse response = this.api.get("/api/customers/check-username/bmp_kfayy_6526")
			.header("x-username", "bmp_kfayy_6526")
			.send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("missing-token");
	}

	ApiResponse check(Session session, String username) {
		return this.api.get("/api/customers/check-username/" + username)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", username)
			.send();
	}

}
