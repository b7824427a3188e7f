package io.gatehouse.registration;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gatehouse.registration.refuse-common-passwords=true}: registration refuses a
 * listed password with {@code password: common}, localized.
 */
@IntegrationTest
@TestPropertySource(properties = "gatehouse.registration.refuse-common-passwords=true")
class CommonPasswordRegistrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void registerWhenPasswordCommonThenCommon() {
		ApiClient api = new ApiClient(this.port);
		Logins.Session guest = new Logins(api).guest();
		String username = RegistrationIntegrationTests.newName();
		Map<String, Object> body = new HashMap<>(RegistrationIntegrationTests.body(username));
		body.put("password", "Password1234");

		ApiResponse response = api.post("/api/auth/register")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.header("locale", "ur")
			.json(body)
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("validation-failed");
		JsonNode error = response.json().get("errors").get(0);
		assertThat(response.json().get("errors")).hasSize(1);
		assertThat(error.get("field").asString()).isEqualTo("password");
		assertThat(error.get("code").asString()).isEqualTo("common");
		assertThat(error.get("message").asString())
			.isEqualTo(this.messages.getMessage("validation.password.common", null, Locale.forLanguageTag("ur")));
	}

}
