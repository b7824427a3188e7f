package io.gatehouse.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, driven by Playwright without a browser download. Where it is not
 * installed the browser tests are skipped, unless the build requires its services
 * ({@code -Dgatehouse.require-services=true} or {@code GATEHOUSE_REQUIRE_SERVICES=true},
 * as CI sets), in which case they fail.
 */
final class Chromium {

	static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--no-first-run");

	private Chromium() {
	}

	/**
	 * Skips (or, when services are required, fails) the calling test without Chromium.
	 */
	static void assumeInstalled() {
		assumeInstalled(EXECUTABLE);
	}

	static void assumeInstalled(Path executable) {
		if (Files.isExecutable(executable)) {
			return;
		}
		String reason = executable + " is not installed (apt-get install chromium)";
		if (servicesRequired()) {
			fail(reason + ", and gatehouse.require-services is set");
		}
		assumeTrue(false, reason);
	}

	static boolean servicesRequired() {
		return Boolean.getBoolean("gatehouse.require-services")
				|| "true".equalsIgnoreCase(System.getenv("GATEHOUSE_REQUIRE_SERVICES"));
	}

	static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
	}

}
