package io.gatehouse.web;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The skip-or-fail rule for a missing browser. */
class ChromiumTests {

	private static final Path MISSING = Path.of("/nonexistent/chromium");

	private final String required = System.getProperty("gatehouse.require-services");

	@AfterEach
	void restoreProperty() {
		if (this.required == null) {
			System.clearProperty("gatehouse.require-services");
		}
		else {
			System.setProperty("gatehouse.require-services", this.required);
		}
	}

	@Test
	void assumeInstalledWhenMissingAndNotRequiredThenSkipped() {
		System.setProperty("gatehouse.require-services", "false");
		if (Chromium.servicesRequired()) {
			return; // GATEHOUSE_REQUIRE_SERVICES=true in the environment: the next test
					// covers it.
		}
		assertThatThrownBy(() -> Chromium.assumeInstalled(MISSING)).isInstanceOf(TestAbortedException.class);
	}

	@Test
	void assumeInstalledWhenMissingAndRequiredThenFails() {
		System.setProperty("gatehouse.require-services", "true");
		assertThatThrownBy(() -> Chromium.assumeInstalled(MISSING)).isInstanceOf(AssertionFailedError.class)
			.hasMessageContaining("gatehouse.require-services");
	}

	@Test
	void assumeInstalledWhenPresentThenPasses() {
		assertThatNoException().isThrownBy(() -> Chromium.assumeInstalled(Path.of("/bin/sh")));
	}

}
