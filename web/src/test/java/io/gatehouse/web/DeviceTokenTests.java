package io.gatehouse.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device tokens (docs/contract.md §2) in Chromium against the real server: the page keeps
 * the token of a login in localStorage and sends it with the next login of that user,
 * after a logout too.
 */
class DeviceTokenTests extends BrowserTestSupport {

	private final TestServer server = TestServer.shared();

	@Test
	void loginWhenLoggedInBeforeThenSecondLoginSendsTheDeviceTokenOfTheFirst() {
		List<String> loginBodies = Collections.synchronizedList(new ArrayList<>());
		this.page.onRequest((request) -> {
			if (request.url().endsWith("/api/auth/token")) {
				loginBodies.add(request.postData());
			}
		});
		SignInPage signIn = new SignInPage(this.page).open(this.server).signIn("fully_active", "home");
		Object first = this.page.evaluate("() => localStorage.getItem('gatehouse.deviceToken.fully_active')");
		this.page.locator("#logout").click();
		signIn.expectStep("who");
		assertThat(this.page.locator("#step-who")).isVisible();

		signIn.signIn("fully_active", "home");

		assertThat(first).isInstanceOf(String.class);
		assertThat(loginBodies).hasSize(2);
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readTree(loginBodies.get(0)).has("deviceToken")).isFalse();
		assertThat(json.readTree(loginBodies.get(1)).path("deviceToken").asText()).isEqualTo(first);
		assertThat(this.page.evaluate("() => localStorage.getItem('gatehouse.deviceToken.fully_active')"))
			.isInstanceOf(String.class);
	}

}
