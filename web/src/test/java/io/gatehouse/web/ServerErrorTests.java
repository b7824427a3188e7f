package io.gatehouse.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures the real server does not produce on demand (a 500, a 503), answered once by
 * the browser's network layer in its place, and a client clock ten minutes slow.
 */
class ServerErrorTests extends BrowserTestSupport {

	private final TestServer server = TestServer.shared();

	@Test
	void checkWhenServerErrorThenMessageWithRequestIdAndRetry() {
		failFirstCheckWith(500, "internal-error", null);
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		signIn.enterUsername("fully_active");

		assertThat(signIn.error()).hasText("Something went wrong on our side. Please try again.");
		assertThat(signIn.requestId()).hasText("Request ID: req-from-server");
		signIn.retry().click();
		signIn.expectStep("login");
	}

	@Test
	void checkWhenServiceUnavailableThenMessageWithRequestIdAndRetry() {
		failFirstCheckWith(503, "service-unavailable", "7");
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		signIn.enterUsername("fully_active");

		assertThat(signIn.error()).hasText("Gatehouse is busy right now. Please try again.");
		assertThat(signIn.requestId()).hasText("Request ID: req-from-server");
		signIn.retry().click();
		signIn.expectStep("login");
	}

	@Test
	void checkWhenCaptivePortalAnswersHtmlThenMessageWithRequestIdAndRetry() {
		AtomicBoolean answered = new AtomicBoolean();
		this.page.route(Pattern.compile(".*/api/customers/check-username/.*"), (route) -> {
			if (answered.getAndSet(true)) {
				route.fallback();
				return;
			}
			route.fulfill(new Route.FulfillOptions().setStatus(200)
				.setContentType("text/html")
				.setHeaders(java.util.Map.of("x-request-id", "req-from-portal"))
				.setBody("<html><body>Sign in to the hotel Wi-Fi</body></html>"));
		});
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		signIn.enterUsername("fully_active");

		assertThat(signIn.error()).hasText("Something went wrong on our side. Please try again.");
		assertThat(signIn.requestId()).hasText("Request ID: req-from-portal");
		signIn.retry().click();
		signIn.expectStep("login");
	}

	@Test
	void clockWhenTenMinutesSlowThenCorrectedFromDateHeaderAndResigned() {
		this.page.clock()
			.install(new Clock.InstallOptions().setTime(Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli()));
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		signIn.enterUsername("fully_active").expectStep("login");

		// The first guest request is refused as expired; the re-signed one passes.
		assertThat(calls("POST /api/auth/guest")).isEqualTo(2);
		signIn.logIn(SignInPage.DEMO_PASSWORD).expectStep("home");
		assertThat(calls("POST /api/auth/token")).isOne();
	}

	private void failFirstCheckWith(int status, String code, String retryAfter) {
		AtomicBoolean failed = new AtomicBoolean();
		this.page.route(Pattern.compile(".*/api/customers/check-username/.*"), (route) -> {
			if (failed.getAndSet(true)) {
				route.fallback();
				return;
			}
			Route.FulfillOptions answer = new Route.FulfillOptions().setStatus(status)
				.setContentType("application/problem+json")
				.setBody("{\"type\":\"https://gatehouse.dev/problems/" + code + "\",\"title\":\"t\",\"status\":"
						+ status + ",\"detail\":\"d\",\"instance\":\"/api\",\"code\":\"" + code
						+ "\",\"requestId\":\"req-from-server\"}");
			if (retryAfter != null) {
				answer.setHeaders(java.util.Map.of("Retry-After", retryAfter));
			}
			route.fulfill(answer);
		});
	}

}
