package io.gatehouse.web;

import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The page in the browser's language, with the server's messages in the same one. */
class LocaleTests {

	@Nested
	class Spanish extends BrowserTestSupport {

		@Override
		protected String locale() {
			return "es-ES";
		}

		@Test
		void pageWhenSpanishBrowserThenSpanishStepsAndServerMessages() {
			SignInPage signIn = new SignInPage(this.page).open(TestServer.shared());
			assertThat(this.page.locator("html")).hasAttribute("lang", "es");
			assertThat(this.page.locator("#who-title")).hasText("¿Quién eres?");

			Response check = this.page.waitForResponse((response) -> response.url().contains("/check-username/"),
					() -> signIn.enterUsername("bmp_kfayy_6526"));
			signIn.expectStep("login");
			Request request = check.request();
			assertThat(request.headerValue("locale")).isEqualTo("es-ES");
			assertThat(check.headerValue("content-language")).isEqualTo("es");

			signIn.logIn("no es la contraseña");
			assertThat(signIn.error()).hasText("El nombre de usuario o la contraseña no son correctos.");
			assertThat(this.page.locator("#login-title")).hasText("Escribe tu contraseña");
		}

		@Test
		void invalidUsernameWhenSpanishThenServerMessage() {
			SignInPage signIn = new SignInPage(this.page).open(TestServer.shared());

			this.page.locator("#username").fill("ab");

			String serverSays = (String) this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
					try { await client.checkUsername('ab'); return 'accepted'; }
					catch (e) { return e.detail; }
					}""");
			assertThat(signIn.usernameError()).hasText(serverSays);
		}

	}

	@Nested
	class FirstLanguageNotShipped extends BrowserTestSupport {

		@Override
		protected String locale() {
			return "fr-FR";
		}

		@Test
		void pageWhenFrenchThenSpanishBrowserThenSpanishPageAndServerMessages() {
			this.context.addInitScript(
					"Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['fr-FR', 'es-ES'] });");
			SignInPage signIn = new SignInPage(this.page).open(TestServer.shared());
			assertThat(this.page.locator("html")).hasAttribute("lang", "es");

			Response check = this.page.waitForResponse((response) -> response.url().contains("/check-username/"),
					() -> signIn.enterUsername("bmp_kfayy_6526"));
			signIn.expectStep("login");

			// The server answers in the page's language, not in the first one the browser
			// lists (which Gatehouse does not ship, so it would answer in English).
			assertThat(check.request().headerValue("locale")).isEqualTo("es-ES");
			assertThat(check.headerValue("content-language")).isEqualTo("es");
			signIn.logIn("no es la contraseña");
			assertThat(signIn.error()).hasText("El nombre de usuario o la contraseña no son correctos.");
		}

	}

	@Nested
	class Urdu extends BrowserTestSupport {

		@Override
		protected String locale() {
			return "ur-PK";
		}

		@Test
		void pageWhenUrduBrowserThenRightToLeftAndUrduMessages() {
			SignInPage signIn = new SignInPage(this.page).open(TestServer.shared());
			assertThat(this.page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(this.page.locator("#who-title")).hasText("آپ کون ہیں؟");

			this.page.locator("#username").fill("a/b");
			String serverSays = (String) this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
					try { await client.checkUsername('ab'); return 'accepted'; }
					catch (e) { return e.detail; }
					}""");
			assertThat(signIn.usernameError()).hasText(serverSays);
		}

	}

}
