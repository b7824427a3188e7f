package io.gatehouse.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Chromium per test class, a fresh browser context per test. After each test it saves
 * a screenshot of the final state to {@code target/screenshots/<test>.png} and fails the
 * test on any console error, uncaught exception or CSP violation.
 */
abstract class BrowserTestSupport {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	// The browser itself reports CSP violations as console errors; this makes sure of it.
	private static final String REPORT_CSP_VIOLATIONS = """
			document.addEventListener('securitypolicyviolation', (e) =>
			  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));
			""";

	/**
	 * A second GatehouseClient in the page, with the server's settings, keeping its
	 * tokens in memory, as {@code client}.
	 */
	static final String IN_PAGE_CLIENT = """
			const { GatehouseClient, loadSettings } = await import('/gatehouse.js');
			const memory = new Map();
			const storage = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => memory.set(k, v),
			  removeItem: (k) => memory.delete(k) };
			const client = new GatehouseClient({ ...(await loadSettings()), locale: navigator.language, storage });
			""";

	static {
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
	}

	private static Playwright playwright;

	private static Browser browser;

	protected BrowserContext context;

	protected Page page;

	/** Every API call the page made, as {@code METHOD /path}. */
	protected final List<String> apiCalls = Collections.synchronizedList(new ArrayList<>());

	private final List<String> consoleProblems = Collections.synchronizedList(new ArrayList<>());

	@BeforeAll
	static void launchBrowser() {
		Chromium.assumeInstalled();
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = Chromium.launch(playwright);
	}

	@AfterAll
	static void closeBrowser() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	/** How many times the page has called {@code METHOD /path}. */
	protected long calls(String call) {
		synchronized (this.apiCalls) {
			return this.apiCalls.stream().filter(call::equals).count();
		}
	}

	/** The browser's language; a test class may override it. */
	protected String locale() {
		return "en-US";
	}

	@BeforeEach
	void openPage() {
		this.context = browser
			.newContext(new Browser.NewContextOptions().setLocale(locale()).setViewportSize(1024, 800));
		this.context.addInitScript(REPORT_CSP_VIOLATIONS);
		this.page = this.context.newPage();
		this.page.onConsoleMessage(this::collect);
		this.page.onPageError((error) -> this.consoleProblems.add("uncaught: " + error));
		this.page.onRequest((request) -> {
			String path = URI.create(request.url()).getRawPath();
			if (path.startsWith("/api/")) {
				this.apiCalls.add(request.method() + " " + path);
			}
		});
	}

	@AfterEach
	void screenshotAndCheckConsole(TestInfo test) {
		try {
			String name = test.getTestMethod().map((method) -> method.getName()).orElse(test.getDisplayName());
			this.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
		}
		finally {
			this.context.close();
		}
		assertThat(this.consoleProblems).as("console errors and CSP violations").isEmpty();
	}

	private void collect(ConsoleMessage message) {
		if (!"error".equals(message.type()) || isExpectedApiFailure(message)) {
			return;
		}
		this.consoleProblems.add(message.text() + " at " + message.location());
	}

	/**
	 * Chromium logs every API answer of 4xx or 5xx, and every refused connection, as a
	 * "Failed to load resource" error. Those are answers the tests provoke and the page
	 * handles (the settings the page loads at start too); the same message for anything
	 * else (a script, a style) is a real failure.
	 */
	private static boolean isExpectedApiFailure(ConsoleMessage message) {
		return message.text().startsWith("Failed to load resource")
				&& (message.location().contains("/api/") || message.location().contains("/gatehouse-web.json"));
	}

}
