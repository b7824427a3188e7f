package io.gatehouse.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The sign-in page as a user sees it: steps, fields, messages. */
final class SignInPage {

	static final String DEMO_PASSWORD = "Gatehouse-demo-1";

	private final Page page;

	SignInPage(Page page) {
		this.page = page;
	}

	SignInPage open(TestServer server) {
		this.page.navigate(server.url());
		return expectStep("who");
	}

	/** Waits until the named step is the one on screen and its heading has the focus. */
	SignInPage expectStep(String step) {
		assertThat(this.page.locator("#step-" + step)).isVisible();
		assertThat(this.page.locator("#" + step + "-title")).isFocused();
		return this;
	}

	SignInPage enterUsername(String username) {
		this.page.locator("#username").fill(username);
		this.page.locator("#form-who button[type=submit]").click();
		return this;
	}

	SignInPage logIn(String password) {
		this.page.locator("#login-password").fill(password);
		this.page.locator("#form-login button[type=submit]").click();
		return this;
	}

	SignInPage register(String email, String phone, String password) {
		this.page.locator("#register-email").fill(email);
		this.page.locator("#register-phone").fill(phone);
		this.page.locator("#register-password").fill(password);
		this.page.locator("#form-register button[type=submit]").click();
		return this;
	}

	SignInPage createProfile() {
		this.page.locator("#form-onboarding button[type=submit]").click();
		return this;
	}

	SignInPage choosePin(String pin) {
		this.page.locator("#pin").fill(pin);
		this.page.locator("#form-pin button[type=submit]").click();
		return this;
	}

	/** Signs a demo user in from step 1, up to the step the check answers. */
	SignInPage signIn(String username, String nextStep) {
		enterUsername(username).expectStep("login");
		return logIn(DEMO_PASSWORD).expectStep(nextStep);
	}

	Locator error() {
		return this.page.locator("#error-text");
	}

	Locator requestId() {
		return this.page.locator("#error-request-id");
	}

	Locator retry() {
		return this.page.locator("#error-retry");
	}

	Locator notice() {
		return this.page.locator("#notice");
	}

	Locator usernameError() {
		return this.page.locator("#username-error");
	}

	String refreshTokenInStorage() {
		return (String) this.page.evaluate("() => sessionStorage.getItem('gatehouse.refreshToken')");
	}

}
