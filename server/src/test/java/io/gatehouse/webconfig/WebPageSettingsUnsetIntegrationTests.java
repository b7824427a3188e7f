package io.gatehouse.webconfig;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A server that serves no sign-in page: its settings are a 404 problem. */
@IntegrationTest
@TestPropertySource(properties = "gatehouse.web.app-kid=")
class WebPageSettingsUnsetIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void settingsWhenNoAppKidThenNotFoundProblem() {
		ApiResponse response = new ApiClient(this.port).get(WebPageSettingsController.PATH).unsigned().send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.code()).isEqualTo("not-found");
		assertThat(response.body()).doesNotContain("secret");
	}

}
