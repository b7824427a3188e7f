package io.gatehouse.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ClusterConfigurationCheckTests {

	@TempDir
	Path dir;

	@Test
	void verifyWhenSharedKeysAndSecretConfiguredThenPasses() throws Exception {
		assertThatNoException().isThrownBy(() -> ClusterConfigurationCheck.verify(complete()));
	}

	@Test
	void verifyWhenKeysWouldBeGeneratedThenRefusesWithOneLineReason() throws Exception {
		MockEnvironment environment = complete().withProperty("gatehouse.tokens.generate-missing-keys", "true");
		assertThatIllegalStateException().isThrownBy(() -> ClusterConfigurationCheck.verify(environment))
			.withMessageStartingWith("Profile cluster cannot start: ")
			.withMessageContaining("gatehouse.tokens.generate-missing-keys must be false")
			.withMessageNotContaining("\n");
	}

	@Test
	void verifyWhenSigningKeyFileMissingThenRefuses() throws Exception {
		MockEnvironment environment = complete().withProperty("gatehouse.tokens.signing-keys",
				this.dir.resolve("absent.jwks").toString());
		assertThatIllegalStateException().isThrownBy(() -> ClusterConfigurationCheck.verify(environment))
			.withMessageContaining("names no readable file");
	}

	@Test
	void verifyWhenCsrfSecretEmptyThenRefuses() throws Exception {
		MockEnvironment environment = complete().withProperty("gatehouse.csrf.secret", "");
		assertThatIllegalStateException().isThrownBy(() -> ClusterConfigurationCheck.verify(environment))
			.withMessageContaining("gatehouse.csrf.secret must be set");
	}

	@Test
	void verifyWhenCsrfSecretFileInsteadOfSecretThenPasses() throws Exception {
		MockEnvironment environment = complete().withProperty("gatehouse.csrf.secret", "")
			.withProperty("gatehouse.csrf.secret-file", "/run/secrets/gatehouse-csrf");
		assertThatNoException().isThrownBy(() -> ClusterConfigurationCheck.verify(environment));
	}

	@Test
	void verifyWhenNothingConfiguredThenEveryProblemNamed() {
		assertThatIllegalStateException().isThrownBy(() -> ClusterConfigurationCheck.verify(new MockEnvironment()))
			.withMessageContaining("generate-missing-keys")
			.withMessageContaining("signing-keys")
			.withMessageContaining("csrf.secret");
	}

	private MockEnvironment complete() throws Exception {
		Path keys = Files.writeString(this.dir.resolve("keys.jwks"), "{\"keys\":[]}");
		return new MockEnvironment().withProperty("gatehouse.tokens.generate-missing-keys", "false")
			.withProperty("gatehouse.tokens.signing-keys", keys.toString())
			.withProperty("gatehouse.csrf.secret", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==");
	}

}
