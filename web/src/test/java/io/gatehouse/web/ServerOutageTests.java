package io.gatehouse.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The server goes away mid-flow and comes back on the same port. */
class ServerOutageTests extends BrowserTestSupport {

	private static TestServer server;

	@BeforeAll
	static void startServer() {
		server = TestServer.start();
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void serverWhenStoppedMidFlowThenErrorWithRequestIdAndRetryThenRecovers() {
		SignInPage signIn = new SignInPage(this.page).open(server);
		signIn.enterUsername("fully_active").expectStep("login");

		server.stop();
		signIn.logIn(SignInPage.DEMO_PASSWORD);

		assertThat(signIn.error()).hasText("We could not reach Gatehouse. Check your connection and try again.");
		assertThat(signIn.requestId()).hasText(java.util.regex.Pattern.compile("Request ID: [0-9a-f-]{36}"));
		assertThat(signIn.retry()).isVisible();
		String firstId = signIn.requestId().textContent();

		signIn.retry().click();
		assertThat(signIn.requestId()).not().hasText(firstId);
		assertThat(signIn.error()).hasText("We could not reach Gatehouse. Check your connection and try again.");
		assertThat(this.page.locator("#step-login")).isVisible();

		server.restart();
		signIn.retry().click();
		signIn.expectStep("home");
		assertThat(signIn.error()).isHidden();
	}

}
