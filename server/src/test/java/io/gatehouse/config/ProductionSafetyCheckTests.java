package io.gatehouse.config;

import java.nio.file.Path;

import io.gatehouse.GatehouseApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductionSafetyCheckTests {

	@TempDir
	Path dataDir;

	@Test
	void startWhenProdWithEmbeddedDefaultsThenRefusesWithReason() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).profiles("prod")
				.run("--server.port=0", "--gatehouse.data-dir=" + this.dataDir, "--spring.jmx.enabled=false"))
			.withMessageStartingWith("Refusing to start with profile prod: ")
			.withMessageContaining("app key web-demo uses a demo secret")
			.withMessageContaining("app key ios-demo uses a demo secret")
			.withMessageContaining("app key web-demo uses a demo kid (docs/contract.md §6)")
			.withMessageContaining("gatehouse.tokens.generate-missing-keys must be false")
			.withMessageNotContaining("\n");
		assertThat(this.dataDir.resolve("signing-keys.jwks")).doesNotExist();
	}

	@Test
	void startWhenProdWithDemoDataTurnedOnThenRefusesWithReason() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SpringApplicationBuilder(GatehouseApplication.class).profiles("prod")
				.run("--server.port=0", "--gatehouse.data-dir=" + this.dataDir, "--spring.jmx.enabled=false",
						"--gatehouse.demo-data=true"))
			.withMessageContaining("gatehouse.demo-data must be false");
	}

	@Test
	void problemsWhenDemoDataTurnedOnThenNamed() {
		MockEnvironment environment = new MockEnvironment().withProperty("gatehouse.demo-data", "true")
			.withProperty("gatehouse.tokens.generate-missing-keys", "false");

		assertThat(ProductionSafetyCheck.problems(environment)).containsExactly("gatehouse.demo-data must be false");
	}

	@Test
	void problemsWhenRealSecretUnderDemoKidThenNamed() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("gatehouse.app-signature.apps[0].kid", "ios-demo")
			.withProperty("gatehouse.app-signature.apps[0].secret", "a-real-secret-from-the-vault-0123456789")
			.withProperty("gatehouse.tokens.generate-missing-keys", "false");

		assertThat(ProductionSafetyCheck.problems(environment))
			.containsExactly("app key ios-demo uses a demo kid (docs/contract.md §6)");
	}

	@Test
	void problemsWhenProductionSettingsThenNone() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("gatehouse.app-signature.apps[0].kid", "web-2026")
			.withProperty("gatehouse.app-signature.apps[0].platform", "web")
			.withProperty("gatehouse.app-signature.apps[0].secret", "a-real-secret-from-the-vault-0123456789")
			.withProperty("gatehouse.demo-data", "false")
			.withProperty("gatehouse.tokens.generate-missing-keys", "false");

		assertThat(ProductionSafetyCheck.problems(environment)).isEmpty();
	}

	@Test
	void problemsWhenOneDemoKeyLeftThenSecretAndKidNamed() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("gatehouse.app-signature.apps[0].kid", "android-demo")
			.withProperty("gatehouse.app-signature.apps[0].secret", "gatehouse-demo-android-key-change-me")
			.withProperty("gatehouse.demo-data", "false")
			.withProperty("gatehouse.tokens.generate-missing-keys", "false");

		assertThat(ProductionSafetyCheck.problems(environment)).containsExactly(
				"app key android-demo uses a demo secret",
				"app key android-demo uses a demo kid (docs/contract.md §6)");
	}

}
