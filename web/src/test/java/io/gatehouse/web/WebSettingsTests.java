package io.gatehouse.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page signs with what the server configures (GET /gatehouse-web.json), not with
 * anything in its static files: a server whose only web key is another one, of another
 * kid and secret, is signed in to with that key.
 */
class WebSettingsTests extends BrowserTestSupport {

	private static final String KID = "web-2027";

	private static final String SECRET = "a-rotated-web-key-secret-0123456789abcdef";

	private static final Path STATIC = Path.of("src/main/resources/static");

	private static TestServer server;

	@BeforeAll
	static void startServer() {
		// A list property replaces the whole list: web-demo is no longer a key here.
		server = TestServer.start("gatehouse.app-signature.apps[0].kid=" + KID,
				"gatehouse.app-signature.apps[0].platform=web", "gatehouse.app-signature.apps[0].secret=" + SECRET,
				"gatehouse.web.app-kid=" + KID, "gatehouse.web.app-version=1.2.3");
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void signInWhenServerConfiguresAnotherWebKeyThenPageSignsWithIt() {
		List<String> payloads = new CopyOnWriteArrayList<>();
		List<String> versions = new CopyOnWriteArrayList<>();
		this.page.onRequest((request) -> {
			if (request.url().contains("/api/")) {
				payloads.add(request.headers().get("x-app-payload"));
				versions.add(request.headers().get("x-app-version"));
			}
		});

		new SignInPage(this.page).open(server).signIn("bmp_kfayy_6526", "onboarding");

		assertThat(payloads).hasSizeGreaterThanOrEqualTo(4);
		Pattern kid = Pattern.compile("^\\{\"kid\":\"([^\"]+)\"");
		for (String payload : payloads) {
			Matcher matcher = kid.matcher(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
			assertThat(matcher.find()).as(payload).isTrue();
			assertThat(matcher.group(1)).isEqualTo(KID);
		}
		assertThat(Set.copyOf(versions)).containsExactly("1.2.3");
	}

	@Test
	void openWhenSettingsUnavailableThenErrorAndRetryLoadsThem() {
		AtomicBoolean failOnce = new AtomicBoolean(true);
		this.page.route("**/gatehouse-web.json", (route) -> {
			if (failOnce.getAndSet(false)) {
				route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503)
					.setContentType("application/problem+json")
					.setBody("{\"status\":503,\"code\":\"service-unavailable\",\"requestId\":\"r-settings\"}"));
			}
			else {
				route.resume();
			}
		});
		SignInPage signIn = new SignInPage(this.page);

		this.page.navigate(server.url());

		assertThat(signIn.error()).hasText("Something went wrong on our side. Please try again.");
		assertThat(signIn.requestId()).containsText("r-settings");
		assertThat(this.page.locator("#step-who")).isHidden();
		signIn.retry().click();
		signIn.expectStep("who");
		signIn.enterUsername("fully_active").expectStep("login");
	}

	@Test
	void staticFilesWhenReadThenHoldNoAppKey() throws IOException {
		try (Stream<Path> files = Files.walk(STATIC)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				assertThat(text).as(file.toString()).doesNotContain("gatehouse-demo-web-key", "web-demo", SECRET, KID);
			}
		}
	}

}
