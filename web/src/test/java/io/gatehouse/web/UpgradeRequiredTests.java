package io.gatehouse.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A server that needs a newer web app than this page (426 upgrade-required). */
class UpgradeRequiredTests extends BrowserTestSupport {

	private static TestServer server;

	@BeforeAll
	static void startServer() {
		server = TestServer.start("gatehouse.app-signature.minimum-versions.web=2.0.0");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void checkWhenAppTooOldThenPleaseUpdate() {
		SignInPage signIn = new SignInPage(this.page).open(server);

		signIn.enterUsername("fully_active");

		assertThat(signIn.error()).hasText("Please update the app to continue.");
		assertThat(this.page.locator("#step-who")).isVisible();
		assertThat(signIn.retry()).isHidden();
	}

}
