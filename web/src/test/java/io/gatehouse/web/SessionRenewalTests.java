package io.gatehouse.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens that expire mid-flow, on a server whose tokens live three seconds: the
 * page refreshes silently, concurrent calls share one refresh, and a refused refresh ends
 * the session.
 */
class SessionRenewalTests extends BrowserTestSupport {

	private static final int TOKEN_LIFETIME_MS = 3_000;

	private static TestServer server;

	@BeforeAll
	static void startServer() {
		server = TestServer.start("gatehouse.tokens.access-token-ttl=" + TOKEN_LIFETIME_MS + "ms",
				"gatehouse.tokens.clock-skew=0s");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void accessTokenWhenExpiredMidFlowThenRefreshedSilently() {
		SignInPage signIn = new SignInPage(this.page).open(server).signIn("bmp_kfayy_6526", "onboarding");
		String refreshToken = signIn.refreshTokenInStorage();

		this.page.waitForTimeout(TOKEN_LIFETIME_MS + 1_000);
		signIn.createProfile().expectStep("pin");

		assertThat(signIn.error()).isHidden();
		assertThat(calls("POST /api/auth/refresh")).isOne();
		// The refused call was sent again, once, after the refresh.
		assertThat(calls("POST /api/customers")).isEqualTo(2);
		assertThat(signIn.refreshTokenInStorage()).isNotEqualTo(refreshToken);
	}

	@Test
	void concurrentCallsWhenTokenExpiredThenShareOneRefresh() {
		this.page.navigate(server.url());

		Object results = this.page.evaluate("async (lifetime) => {" + IN_PAGE_CLIENT + """
				await client.login('fully_active', 'Gatehouse-demo-1');
				await new Promise((resolve) => setTimeout(resolve, lifetime + 1000));
				const checks = await Promise.all([1, 2, 3].map(() => client.checkUsername('fully_active')));
				return checks.map((check) => check.pinSet);
				}""", TOKEN_LIFETIME_MS);

		assertThat(results).asList().containsExactly(true, true, true);
		assertThat(calls("POST /api/auth/refresh")).isOne();
	}

	@Test
	void refreshWhenRefusedMidFlowThenBackToStepOneWithSessionEnded() {
		SignInPage signIn = new SignInPage(this.page).open(server).signIn("onboarded_no_pin", "pin");
		this.page.evaluate("() => sessionStorage.setItem('gatehouse.refreshToken', 'revoked-or-stolen')");

		this.page.waitForTimeout(TOKEN_LIFETIME_MS + 1_000);
		signIn.choosePin("8052");

		signIn.expectStep("who");
		assertThat(signIn.error()).hasText("Your session has ended. Please sign in again.");
		assertThat(signIn.refreshTokenInStorage()).isNull();
		assertThat(calls("POST /api/auth/refresh")).isOne();
	}

	@Test
	void logoutWhenAccessTokenExpiredThenRefreshedAndSessionEnded() {
		SignInPage signIn = new SignInPage(this.page).open(server).signIn("fully_active", "home");
		this.page.waitForResponse((response) -> response.url().endsWith("/api/auth/logout"), () -> {
			this.page.waitForTimeout(TOKEN_LIFETIME_MS + 1_000);
			this.page.locator("#logout").click();
		});

		signIn.expectStep("who");
		assertThat(signIn.notice()).hasText("You are signed out.");
		assertThat(calls("POST /api/auth/refresh")).isOne();
		assertThat(calls("POST /api/auth/logout")).isEqualTo(2);
		assertThat(signIn.refreshTokenInStorage()).isNull();
	}

}
