package io.gatehouse.csrf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

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

	@Test
	void resolveWhenSecretFileThenReadTrimmedAndNothingGenerated() throws Exception {
		byte[] secret = new byte[32];
		secret[5] = 9;
		Path file = Files.writeString(this.dataDir.resolve("mounted-secret"),
				Base64.getEncoder().encodeToString(secret) + "\n");

		byte[] resolved = CsrfSecret.resolve("", file, this.dataDir, true);

		assertThat(resolved).isEqualTo(secret);
		assertThat(this.dataDir.resolve(CsrfSecret.FILE_NAME)).doesNotExist();
	}

	@Test
	void resolveWhenSecretFileUnreadableOrBadThenRefusedWithoutItsContent() throws Exception {
		Path missing = this.dataDir.resolve("absent");
		Path bad = Files.writeString(this.dataDir.resolve("bad"), "c2hvcnQ=");

		assertThatIllegalStateException().isThrownBy(() -> CsrfSecret.resolve("", missing, this.dataDir, true))
			.withMessageContaining("gatehouse.csrf.secret-file")
			.withMessageContaining("cannot be read");
		assertThatIllegalStateException().isThrownBy(() -> CsrfSecret.resolve("", bad, this.dataDir, true))
			.withMessageContaining("at least 32 bytes")
			.withMessageNotContaining("c2hvcnQ=");
	}

	@Test
	void resolveWhenSecretAndSecretFileBothSetThenRefused() throws Exception {
		Path file = Files.writeString(this.dataDir.resolve("mounted-secret"),
				Base64.getEncoder().encodeToString(new byte[32]));

		assertThatIllegalStateException().isThrownBy(
				() -> CsrfSecret.resolve(Base64.getEncoder().encodeToString(new byte[32]), file, this.dataDir, false))
			.withMessageContaining("not both");
	}

	@Test
	void previousWhenListedThenEachDecodedAndShortOnesRefusedByIndex() {
		byte[] old = new byte[32];
		old[0] = 3;

		assertThat(CsrfSecret.previous(List.of(Base64.getEncoder().encodeToString(old)))).singleElement()
			.isEqualTo(old);
		assertThatIllegalStateException()
			.isThrownBy(() -> CsrfSecret.previous(
					List.of(Base64.getEncoder().encodeToString(old), Base64.getEncoder().encodeToString(new byte[8]))))
			.withMessageContaining("previous-secrets[1]");
	}

}
