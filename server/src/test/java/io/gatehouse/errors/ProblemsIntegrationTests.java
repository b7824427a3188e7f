package io.gatehouse.errors;

import java.util.Locale;
import java.util.Map;

import io.gatehouse.account.DemoData;
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
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/contract.md §5 over real HTTP for answers no feature owns: what lives outside the
 * API and the shape every problem shares.
 */
@IntegrationTest
class ProblemsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void errorPathWhenRequestedDirectlyThenNotFound() {
		ApiResponse response = this.api.get("/error").unsigned().send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.code()).isEqualTo("not-found");
		assertThat(response.header("Date")).isNotBlank();
		assertThat(response.header("x-request-id")).isEqualTo(response.field("requestId"));
	}

	/**
	 * Spring Security's resource server publishes RFC 9728 metadata here by default,
	 * which the contract does not have (and which claimed certificate-bound tokens).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/api" })
	void protectedResourceMetadataWhenRequestedThenNotFound(String path) {
		ApiResponse response = this.api.get(path).unsigned().send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.code()).isEqualTo("not-found");
		assertThat(response.body()).doesNotContain("bearer_methods_supported");
	}

	@Test
	void problemWhenContainerRefusedThePathThenLocalizedWithContentLanguage() {
		ApiResponse response = this.api.get("/api/a%2Fb").unsigned().header("locale", "ur-PK").send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.code()).isEqualTo("invalid-request");
		assertThat(response.header("Content-Language")).isEqualTo("ur");
		assertThat(response.field("detail"))
			.isEqualTo(this.messages.getMessage("problem.invalid-request.detail", null, Locale.forLanguageTag("ur")));
		assertThat(response.header("Date")).isNotBlank();
		assertThat(response.header("x-request-id")).isEqualTo(response.field("requestId"));
	}

	@Test
	void problemWhenContainerRefusedThePathThenRequestIdEchoed() {
		ApiResponse response = this.api.get("/api/a%2Fb").unsigned().header("x-request-id", "trace-77.b").send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("x-request-id")).isEqualTo("trace-77.b");
		assertThat(response.field("requestId")).isEqualTo("trace-77.b");
	}

	@Test
	void problemWhenWrittenByAFilterThenEachHeaderOnce() {
		ApiResponse response = this.api.get("/api/auth/csrf-token").unsigned().send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.raw().headers().allValues("Cache-Control")).containsExactly("no-store");
		assertThat(response.raw().headers().allValues("Content-Type")).containsExactly("application/problem+json");
	}

	/**
	 * Success bodies are {@code application/json} only; a client that accepts nothing of
	 * the kind gets 406 before the endpoint does anything.
	 */
	@Nested
	class Negotiation {

		@ParameterizedTest
		@ValueSource(strings = { "application/problem+json, application/json",
				"application/json;q=0.5, application/problem+json", "*/*" })
		void checkWhenProblemJsonAcceptedFirstThenSuccessIsStillJson(String accept) {
			Session session = new Logins(ProblemsIntegrationTests.this.api).sharedDemoUser("bmp_kfayy_6526");

			ApiResponse response = ProblemsIntegrationTests.this.api.get("/api/customers/check-username/bmp_kfayy_6526")
				.bearer(session.accessToken())
				.csrf(session.csrfToken())
				.header("x-username", "bmp_kfayy_6526")
				.header("Accept", accept)
				.send();

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("Content-Type")).isEqualTo("application/json");
		}

		@Test
		void guestWhenOnlyProblemJsonAcceptedThenNotAcceptable() {
			ApiResponse response = ProblemsIntegrationTests.this.api.post("/api/auth/guest")
				.header("Accept", "application/problem+json")
				.send();

			assertThat(response.status()).isEqualTo(406);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(response.code()).isEqualTo("not-acceptable");
		}

		@Test
		void refreshWhenHtmlOnlyAcceptedThenNotAcceptableAndTokenNotRotated() {
			ApiResponse login = ProblemsIntegrationTests.this.api.post("/api/auth/token")
				.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
				.send();
			Map<String, String> refresh = Map.of("refreshToken", login.field("refreshToken"));

			ApiResponse refused = ProblemsIntegrationTests.this.api.post("/api/auth/refresh")
				.header("Accept", "text/html")
				.json(refresh)
				.send();
			ApiResponse retried = ProblemsIntegrationTests.this.api.post("/api/auth/refresh").json(refresh).send();

			assertThat(refused.status()).isEqualTo(406);
			assertThat(refused.code()).isEqualTo("not-acceptable");
			assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		}

	}

}
