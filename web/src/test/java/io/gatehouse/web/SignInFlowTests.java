package io.gatehouse.web;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in flow of issue 6 in Chromium against the real server: each demo user lands
 * on the step docs/contract.md §3's table names.
 */
class SignInFlowTests extends BrowserTestSupport {

	private final TestServer server = TestServer.shared();

	@Test
	void newUsernameWhenRegisteredThenLogsInOnboardsSetsPinAndReachesHome() {
		String username = "web_" + UUID.randomUUID().toString().substring(0, 8);
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		signIn.enterUsername(username).expectStep("register");
		signIn.register(username + "@example.com", "+923001234567", "a long web password 1").expectStep("login");
		assertThat(signIn.notice()).hasText("Account created. Log in with your new password.");
		signIn.logIn("a long web password 1").expectStep("onboarding");
		signIn.createProfile().expectStep("pin");
		signIn.choosePin("294731").expectStep("home");

		assertThat(this.page.locator("#home-title")).hasText("Welcome, " + username);
		assertThat(this.page.locator("#home-email")).hasText("we" + "•".repeat(username.length() - 2) + "@example.com");
		assertThat(this.page.locator("#home-phone")).hasText("+92•••••••567");
		assertThat(this.page.locator("#home-subscription")).hasText("None");
		assertThat(calls("POST /api/auth/register")).isOne();
		assertThat(calls("POST /api/customers")).isOne();
	}

	@Test
	void referenceUserWhenLoggedInThenOnboarding() {
		new SignInPage(this.page).open(this.server).signIn("bmp_kfayy_6526", "onboarding");

		// A guest check and then the same check as the user, which names the true next
		// step.
		assertThat(calls("GET /api/customers/check-username/bmp_kfayy_6526")).isEqualTo(2);
		assertThat(calls("POST /api/auth/guest")).isOne();
		assertThat(calls("POST /api/auth/token")).isOne();
	}

	@Test
	void onboardedUserWithoutPinWhenWeakPinThenServerMessageThenHome() {
		SignInPage signIn = new SignInPage(this.page).open(this.server).signIn("onboarded_no_pin", "pin");

		this.page.locator("#pin").fill("1234");
		assertThat(this.page.locator("#pin-strength")).hasText("Too easy to guess.");
		signIn.choosePin("1234");
		assertThat(signIn.error())
			.hasText("Choose a PIN of 4 to 6 digits that is not one repeated digit or a straight run like 1234.");
		assertThat(this.page.locator("#step-pin")).isVisible();

		signIn.choosePin("8052").expectStep("home");
		assertThat(this.page.locator("#home-subscription")).hasText("None");
	}

	@Test
	void fullyActiveUserWhenLoggedInThenHome() {
		new SignInPage(this.page).open(this.server).signIn("fully_active", "home");

		assertThat(this.page.locator("#home-title")).hasText("Welcome, fully_active");
		assertThat(this.page.locator("#home-email")).containsText("•");
		assertThat(this.page.locator("#home-email")).containsText("@");
		assertThat(this.page.locator("#home-phone")).containsText("•");
		assertThat(this.page.locator("#home-subscription")).hasText("Active");
		assertThat(new SignInPage(this.page).refreshTokenInStorage()).isNotBlank();
	}

	@Test
	void homeWhenSubscriptionStatusUnknownThenLocalizedUnknownNotAKey() {
		// Stripe adds statuses now and then; this page does not know this one yet.
		this.page.route(Pattern.compile(".*/api/customers/check-username/.*"), (route) -> {
			APIResponse real = route.fetch();
			route.fulfill(new Route.FulfillOptions().setResponse(real)
				.setBody(real.text().replace("\"active\"", "\"paused_by_stripe_2031\"")));
		});

		new SignInPage(this.page).open(this.server).signIn("fully_active", "home");

		assertThat(this.page.locator("#home-subscription")).hasText("Unknown");
	}

	@Test
	void wrongPasswordWhenRepeatedThenGenericErrorThenWaitTime() {
		SignInPage signIn = new SignInPage(this.page).open(this.server);
		signIn.enterUsername("support_agent").expectStep("login");

		signIn.logIn("not the password");
		assertThat(signIn.error()).hasText("The username or password is not correct.");
		assertThat(this.page.locator("#step-login")).isVisible();

		// Five failures per username in five minutes; the next attempt waits.
		for (int attempt = 2; attempt <= 6; attempt++) {
			signIn.logIn("not the password " + attempt);
			assertThat(this.page.locator("#form-login")).not().hasAttribute("aria-busy", "true");
		}
		assertThat(signIn.error()).hasText(Pattern.compile("Too many attempts, try again in \\d+ s\\."));
	}

	@Test
	void invalidUsernameWhenTypedThenServerMessageAndNoRequest() {
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		this.page.locator("#username").pressSequentially("a b");
		assertThat(signIn.usernameError()).isVisible();
		assertThat(this.page.locator("#username")).hasAttribute("aria-invalid", "true");
		this.page.locator("#form-who button[type=submit]").click();
		assertThat(this.page.locator("#step-who")).isVisible();
		assertThat(this.apiCalls).isEmpty();

		// The page's message is the server's invalid-username detail, word for word.
		String serverSays = (String) this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
				try { await client.checkUsername('ab'); return 'accepted'; }
				catch (e) { return e.code + ': ' + e.detail; }
				}""");
		assertThat(serverSays).isEqualTo("invalid-username: " + signIn.usernameError().textContent());

		this.page.locator("#username").fill("BMP_KFAYY_6526");
		assertThat(signIn.usernameError()).isHidden();
	}

	@Test
	void logoutWhenClickedThenStepOneAndSessionGone() {
		SignInPage signIn = new SignInPage(this.page).open(this.server).signIn("fully_active", "home");

		this.page.locator("#logout").click();

		signIn.expectStep("who");
		assertThat(signIn.notice()).hasText("You are signed out.");
		assertThat(signIn.refreshTokenInStorage()).isNull();
		assertThat(calls("POST /api/auth/logout")).isOne();
		this.page.reload();
		signIn.expectStep("who");
		assertThat(calls("POST /api/auth/refresh")).isZero();
	}

	@Test
	void reloadWhenSignedInThenSessionResumesInTab() {
		SignInPage signIn = new SignInPage(this.page).open(this.server).signIn("fully_active", "home");
		String before = signIn.refreshTokenInStorage();

		this.page.reload();

		signIn.expectStep("home");
		assertThat(calls("POST /api/auth/refresh")).isOne();
		assertThat(signIn.refreshTokenInStorage()).isNotEqualTo(before);
	}

	@Test
	void reloadWhenRefreshTokenRefusedThenSessionEnded() {
		SignInPage signIn = new SignInPage(this.page).open(this.server).signIn("fully_active", "home");
		this.page.evaluate("() => sessionStorage.setItem('gatehouse.refreshToken', 'not-a-refresh-token')");

		this.page.reload();

		signIn.expectStep("who");
		assertThat(signIn.error()).hasText("Your session has ended. Please sign in again.");
		assertThat(signIn.refreshTokenInStorage()).isNull();
	}

	@Test
	void pageWhenServedThenCarriesSecurityHeaders() {
		Response response = this.page.navigate(this.server.url());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerValue("content-security-policy")).contains("default-src 'self'")
			.contains("script-src 'self'")
			.contains("style-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(response.headerValue("referrer-policy")).isEqualTo("no-referrer");
		assertThat(response.headerValue("x-content-type-options")).isEqualTo("nosniff");
		new SignInPage(this.page).expectStep("who");
	}

	@Test
	void pageWhenNarrowThenFitsWithoutSideways() {
		this.page.setViewportSize(360, 740);
		new SignInPage(this.page).open(this.server).signIn("fully_active", "home");

		Object overflow = this.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		assertThat(this.page.getByLabel("Username")).isHidden();
	}

	@Test
	void registerWhenFieldsInvalidThenServerMessagesBesideFields() {
		String username = "web_" + UUID.randomUUID().toString().substring(0, 8);
		SignInPage signIn = new SignInPage(this.page).open(this.server);
		signIn.enterUsername(username).expectStep("register");

		signIn.register("not-an-email", "12345", "short");

		assertThat(this.page.locator("#register-email-error")).isVisible();
		assertThat(this.page.locator("#register-phone-error")).isVisible();
		assertThat(this.page.locator("#register-password-error")).isVisible();
		assertThat(this.page.locator("#register-email")).hasAttribute("aria-invalid", "true");
		assertThat(this.page.locator("#step-register")).isVisible();
	}

	@Test
	void registerWhenUsernameTakenMeanwhileThenOffersLogin() {
		String username = "web_" + UUID.randomUUID().toString().substring(0, 8);
		SignInPage signIn = new SignInPage(this.page).open(this.server);
		signIn.enterUsername(username).expectStep("register");

		// Someone else takes the name between the check and the form.
		this.page.evaluate("async (username) => {" + IN_PAGE_CLIENT + """
				await client.register({ username, email: username + '@example.org', phone: '+923001112233',
				  password: 'somebody else entirely' });
				}""", username);
		signIn.register(username + "@example.com", "+923001234567", "a long web password 1");

		assertThat(signIn.error()).isVisible();
		this.page.locator("#error-login").click();
		signIn.expectStep("login");
		assertThat(this.page.locator("#login-intro")).hasText("Log in as " + username + ".");
	}

	@Test
	void keyboardOnlyWhenSigningInThenReachesHome() {
		SignInPage signIn = new SignInPage(this.page).open(this.server);

		this.page.keyboard().press("Tab");
		assertThat(this.page.locator("#username")).isFocused();
		this.page.keyboard().type("fully_active");
		this.page.keyboard().press("Enter");
		signIn.expectStep("login");
		this.page.keyboard().press("Tab");
		assertThat(this.page.locator("#login-password")).isFocused();
		this.page.keyboard().type(SignInPage.DEMO_PASSWORD);
		this.page.keyboard().press("Enter");
		signIn.expectStep("home");
		this.page.keyboard().press("Tab");
		assertThat(this.page.locator("#logout")).isFocused();
	}

}
