package io.gatehouse.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@TempDir
	Path dir;

	@Test
	void constructWhenFileMissingAndGenerationAllowedThenGeneratesThumbprintKidOnce() throws Exception {
		Path file = this.dir.resolve("keys/signing-keys.jwks");

		SigningKeys generated = new SigningKeys(properties(file, true));
		SigningKeys reloaded = new SigningKeys(properties(file, true));

		RSAKey key = JWKSet.load(file.toFile()).getKeys().get(0).toRSAKey();
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
		assertThat(generated.signingKeyId()).isEqualTo(key.getKeyID());
		assertThat(reloaded.signingKeyId()).isEqualTo(key.getKeyID());
		assertThat(Files.list(file.getParent())).hasSize(1);
	}

	@Test
	void constructWhenFileMissingAndGenerationOffThenRefuses() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SigningKeys(properties(this.dir.resolve("absent.jwks"), false)))
			.withMessageContaining("does not exist");
	}

	@Test
	void constructWhenFileNotJwkSetThenRefusesWithoutQuotingIt() throws Exception {
		Path file = this.dir.resolve("broken.jwks");
		Files.writeString(file, "{\"keys\": [{\"d\": \"secret-material\"");

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeys(properties(file, true)))
			.withMessageNotContaining("secret-material");
	}

	@Test
	void publicKeysWhenCurrentAndPreviousThenBothPublishedWithoutPrivateParts() {
		RSAKey current = SigningKeys.generate();
		RSAKey previous = SigningKeys.generate();

		SigningKeys keys = new SigningKeys(new JWKSet(List.of(current, previous)));

		assertThat(keys.signingKeyId()).isEqualTo(current.getKeyID());
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID)
			.containsExactly(current.getKeyID(), previous.getKeyID());
		assertThat(keys.publicKeys().getKeys()).noneMatch(JWK::isPrivate);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> published = (List<Map<String, Object>>) keys.publicKeys()
			.toJSONObject(false)
			.get("keys");
		assertThat(published).allSatisfy((key) -> assertThat(key).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi"));
	}

	@Test
	void constructWhenPreviousKeyPublicOnlyThenAccepted() {
		RSAKey current = SigningKeys.generate();
		RSAKey previous = SigningKeys.generate().toPublicJWK();

		assertThat(new SigningKeys(new JWKSet(List.of(current, previous))).publicKeys().getKeys()).hasSize(2);
	}

	@Test
	void constructWhenFirstKeyPublicOnlyThenRefuses() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SigningKeys(new JWKSet(SigningKeys.generate().toPublicJWK())))
			.withMessageContaining("private");
	}

	@Test
	void constructWhenKeyTooSmallThenRefuses() throws Exception {
		RSAKey small = new RSAKeyGenerator(1024, true).keyIDFromThumbprint(true).generate();

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeys(new JWKSet(small)))
			.withMessageContaining("2048");
	}

	@Test
	void constructWhenKidMissingThenThumbprintUsed() throws Exception {
		RSAKey withoutKid = new RSAKeyGenerator(2048).generate();

		SigningKeys keys = new SigningKeys(new JWKSet(withoutKid));

		assertThat(keys.signingKeyId()).isEqualTo(withoutKid.computeThumbprint().toString());
	}

	static TokenProperties properties(Path file, boolean generate) {
		return new TokenProperties("gatehouse", "gatehouse-api", java.time.Duration.ofMinutes(15),
				java.time.Duration.ofDays(30), java.time.Duration.ofSeconds(60), file, generate, 10);
	}

	@Test
	void constructWhenPemFileThenFirstPrivateKeySignsAndPublicKeyVerifies() throws Exception {
		RSAKey current = SigningKeys.generate();
		RSAKey previous = SigningKeys.generate();
		Path file = this.dir.resolve("signing-keys.pem");
		Files.writeString(file, pem("PRIVATE KEY", current.toRSAPrivateKey().getEncoded())
				+ pem("PUBLIC KEY", previous.toRSAPublicKey().getEncoded()));

		SigningKeys keys = new SigningKeys(properties(file, false));

		assertThat(keys.signingKeyId()).isEqualTo(current.computeThumbprint().toString());
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID)
			.containsExactly(current.computeThumbprint().toString(), previous.computeThumbprint().toString());
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type
				+ "-----\n";
	}

}
