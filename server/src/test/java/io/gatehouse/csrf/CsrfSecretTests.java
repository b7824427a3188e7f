package io.gatehouse.csrf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CsrfSecretTests {

	@TempDir
	Path dataDir;

	@Test
	void resolveWhenConfiguredThenDecoded() {
		byte[] secret = new byte[40];
		secret[0] = 1;

		byte[] resolved = CsrfSecret.resolve(Base64.getEncoder().encodeToString(secret), this.dataDir, true);

		assertThat(resolved).isEqualTo(secret);
		assertThat(this.dataDir.resolve(CsrfSecret.FILE_NAME)).doesNotExist();
	}

	@Test
	void resolveWhenEmptyThenGeneratedOnceOwnerOnlyAndReused() throws Exception {
		byte[] first = CsrfSecret.resolve("", this.dataDir, false);
		byte[] second = CsrfSecret.resolve("", this.dataDir, false);

		assertThat(first).hasSize(32).isEqualTo(second);
		Path file = this.dataDir.resolve(CsrfSecret.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var files = Files.list(this.dataDir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void resolveWhenEmptyAndMustBeConfiguredThenRefused() {
		assertThatIllegalStateException().isThrownBy(() -> CsrfSecret.resolve("", this.dataDir, true))
			.withMessageContaining("gatehouse.csrf.secret");
	}

	@Test
	void resolveWhenTooShortOrNotBase64ThenRefused() {
		assertThatIllegalStateException().isThrownBy(
				() -> CsrfSecret.resolve(Base64.getEncoder().encodeToString(new byte[16]), this.dataDir, false));
		assertThatIllegalStateException().isThrownBy(() -> CsrfSecret.resolve("not base64!", this.dataDir, false));
	}

}
