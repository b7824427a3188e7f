package io.gatehouse.webconfig;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /gatehouse-web.json} over real HTTP: served unsigned, never cached, and the
 * key it names is one the server accepts.
 */
@IntegrationTest
class WebPageSettingsIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void settingsWhenRequestedUnsignedThenConfiguredWebKeyAndNoStore() {
		ApiResponse response = this.api.get(WebPageSettingsController.PATH).unsigned().send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		assertThat(response.field("kid")).isEqualTo(ApiClient.WEB_KID);
		assertThat(response.field("secret")).isEqualTo(ApiClient.WEB_SECRET);
		assertThat(response.field("platform")).isEqualTo("web");
		assertThat(response.field("appVersion")).isEqualTo("1.0.0");
		assertThat(response.field("apiBase")).isEmpty();
	}

	@Test
	void settingsWhenServedKeySignsAGuestGrantThenAccepted() {
		ApiResponse settings = this.api.get(WebPageSettingsController.PATH).unsigned().send();

		ApiResponse guest = this.api.post("/api/auth/guest")
			.header("x-platform", settings.field("platform"))
			.header("x-app-version", settings.field("appVersion"))
			.appKey(settings.field("kid"), settings.field("secret"))
			.send();

		assertThat(guest.status()).isEqualTo(200);
	}

	@Test
	void settingsWhenPostedThenMethodNotAllowedProblem() {
		ApiResponse response = this.api.post(WebPageSettingsController.PATH).unsigned().send();

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.code()).isEqualTo("method-not-allowed");
	}

}
