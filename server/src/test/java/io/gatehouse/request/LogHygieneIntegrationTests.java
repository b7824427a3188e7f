package io.gatehouse.request;

import java.time.Duration;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With every Gatehouse logger at DEBUG, a whole flow (register, log in, refresh, check,
 * onboard, set a PIN, fail a login) logs its requests and none of its secrets: no
 * password, PIN, token, CSRF token, signature, email or phone.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.io.gatehouse=DEBUG", "logging.level.gatehouse=DEBUG" })
class LogHygieneIntegrationTests {

	static final String PASSWORD = "Lantern-Harbor-Quiet-93";

	static final String EMAIL = "hygiene.user@example.com";

	static final String PHONE = "+14155550177";

	static final String PIN = "2580";

	/**
	 * The PIN as a value of its own. Four digits turn up inside random ids often enough
	 * (CI once logged the span id {@code b46b1ce6f25805d7}); letters, digits, {@code _}
	 * and {@code -} on either side are an id's, never a logged value's.
	 */
	static final String PIN_AS_A_VALUE = "(?<![0-9A-Za-z_-])" + PIN + "(?![0-9A-Za-z_-])";

	@LocalServerPort
	int port;

	@Test
	void requestsWhenWholeFlowAtDebugThenLogsNameRequestsButNoSecrets(CapturedOutput output) {
		ApiClient api = new ApiClient(this.port);
		Logins logins = new Logins(api);
		Session guest = logins.guest();
		ApiResponse registered = api.post("/api/auth/register")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.json(Map.of("username", "log_hygiene", "email", EMAIL, "phone", PHONE, "password", PASSWORD))
			.send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		ApiResponse login = api.post("/api/auth/token")
			.json(Map.of("username", "log_hygiene", "password", PASSWORD))
			.send();
		String refreshToken = login.field("refreshToken");
		ApiResponse refreshed = api.post("/api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		String accessToken = refreshed.field("accessToken");
		String csrf = logins.csrfFor(accessToken);
		ApiResponse check = api.get("/api/customers/check-username/log_hygiene")
			.bearer(accessToken)
			.csrf(csrf)
			.header("x-username", "log_hygiene")
			.send();
		assertThat(check.field("email")).isEqualTo(EMAIL);
		assertThat(api.post("/api/customers").bearer(accessToken).csrf(csrf).send().status()).isEqualTo(201);
		assertThat(api.put("/api/customers/me/pin")
			.bearer(accessToken)
			.csrf(csrf)
			.json(Map.of("pin", PIN))
			.send()
			.status()).isEqualTo(204);
		assertThat(api.post("/api/auth/token")
			.json(Map.of("username", "log_hygiene", "password", "wrong-" + PASSWORD))
			.send()
			.code()).isEqualTo("invalid-credentials");

		// Access lines are written after their answers are sent: wait for the last one.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll()).contains("code=invalid-credentials"));
		String logs = output.getAll();
		assertThat(logs).contains("path=/api/customers/check-username/{username}", "code=invalid-credentials");
		assertThat(logs).doesNotContainPattern(PIN_AS_A_VALUE);
		assertThat(logs).doesNotContain(PASSWORD, EMAIL, PHONE, "hygiene.user", "5550177", refreshToken, accessToken,
				login.field("accessToken"), guest.accessToken(), csrf, guest.csrfToken());
	}

}
