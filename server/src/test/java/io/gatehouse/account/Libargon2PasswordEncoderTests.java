package io.gatehouse.account;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class Libargon2PasswordEncoderTests {

	private static final String PASSWORD = "Gatehouse-demo-1";

	private final Libargon2PasswordEncoder libargon2 = new Libargon2PasswordEncoder(PasswordHashing.SALT_BYTES,
			PasswordHashing.HASH_BYTES, PasswordHashing.PARALLELISM, PasswordHashing.MEMORY_KIB,
			PasswordHashing.ITERATIONS);

	/**
	 * What stored every hash before decision 0010, and still does where libargon2 does
	 * not load.
	 */
	private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(PasswordHashing.SALT_BYTES,
			PasswordHashing.HASH_BYTES, PasswordHashing.PARALLELISM, PasswordHashing.MEMORY_KIB,
			PasswordHashing.ITERATIONS);

	@Test
	void availableWhenLinuxOnX8664ThenTrue() {
		// The platform the server ships on: the native library must load, or every other
		// test here would be testing nothing the server runs.
		assertThat(Libargon2PasswordEncoder.available()).isTrue();
		assertThat(PasswordHashing.argon2id().encode(PASSWORD)).startsWith("$argon2id$");
	}

	@Test
	void matchesWhenHashMadeByBouncyCastleThenTrue() {
		String stored = this.bouncyCastle.encode(PASSWORD);

		assertThat(this.libargon2.matches(PASSWORD, stored)).isTrue();
		assertThat(this.libargon2.matches("Gatehouse-demo-2", stored)).isFalse();
	}

	@Test
	void encodeWhenVerifiedByBouncyCastleThenTrue() {
		String stored = this.libargon2.encode(PASSWORD);

		assertThat(this.bouncyCastle.matches(PASSWORD, stored)).isTrue();
		assertThat(this.bouncyCastle.matches("Gatehouse-demo-2", stored)).isFalse();
	}

	@Test
	void encodeWhenServerCostThenSamePhcStringAsBouncyCastle() {
		String stored = this.libargon2.encode(PASSWORD);
		String before = this.bouncyCastle.encode(PASSWORD);

		String parameters = "$argon2id$v=19$m=19456,t=2,p=1$";
		assertThat(stored).startsWith(parameters).hasSameSizeAs(before);
		assertThat(before).startsWith(parameters);
		assertThat(this.libargon2.upgradeEncoding(stored)).isFalse();
		assertThat(this.libargon2.encode(PASSWORD)).isNotEqualTo(stored);
	}

	@Test
	void matchesWhenPasswordNotAsciiThenBothImplementationsAgree() {
		String password = "Pässwörd-ğüşıöç-密码-🔑";

		assertThat(this.bouncyCastle.matches(password, this.libargon2.encode(password))).isTrue();
		assertThat(this.libargon2.matches(password, this.bouncyCastle.encode(password))).isTrue();
		assertThat(this.libargon2.matches("Passwörd-ğüşıöç-密码-🔑", this.bouncyCastle.encode(password))).isFalse();
	}

	@Test
	void matchesWhenHashMissingOrMalformedThenFalse() {
		String stored = this.libargon2.encode(PASSWORD);

		assertThat(this.libargon2.matches(PASSWORD, null)).isFalse();
		assertThat(this.libargon2.matches(PASSWORD, "")).isFalse();
		assertThat(this.libargon2.matches(PASSWORD, "not a hash")).isFalse();
		assertThat(this.libargon2.matches(PASSWORD, stored.substring(0, stored.length() - 5))).isFalse();
		assertThat(this.libargon2.matches(PASSWORD, stored.replace("$argon2id$", "$argon2i$"))).isFalse();
		assertThat(this.libargon2.matches(PASSWORD, stored.replace("m=19456", "m=abc"))).isFalse();
	}

	@Test
	void upgradeEncodingWhenWeakerParametersThenTrue() {
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 8 * 1024, 1).encode(PASSWORD);

		assertThat(this.libargon2.upgradeEncoding(weaker)).isTrue();
		assertThat(this.libargon2.matches(PASSWORD, weaker)).isTrue();
	}

}
