package io.gatehouse.errors;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CONTRACT §5 over real HTTP for answers no feature owns: what lives outside the API and
 * the shape every problem shares.
 */
@IntegrationTest
class ProblemsIntegrationTests {

	@LocalServerPort
	int port;

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

	@Test
	void problemWhenWrittenByAFilterThenEachHeaderOnce() {
		ApiResponse response = this.api.get("/api/auth/csrf-token").unsigned().send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.raw().headers().allValues("Cache-Control")).containsExactly("no-store");
		assertThat(response.raw().headers().allValues("Content-Type")).containsExactly("application/problem+json");
	}

}
