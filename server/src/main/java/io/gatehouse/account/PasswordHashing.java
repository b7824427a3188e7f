package io.gatehouse.account;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id at OWASP's recommended minimum (m=19 MiB, t=2, p=1), computed by libargon2
 * (Bouncy Castle where it does not load; the same hashes either way, decision 0010). Used
 * for passwords and PINs alike; {@link HashingQueue} decides when and how many run.
 */
public final class PasswordHashing {

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	private PasswordHashing() {
	}

	public static PasswordEncoder argon2id() {
		return Libargon2PasswordEncoder.orBouncyCastle(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
	}

}
