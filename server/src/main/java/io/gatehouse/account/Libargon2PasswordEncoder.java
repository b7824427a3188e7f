package io.gatehouse.account;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.jna.Argon2Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id by the reference C implementation (libargon2, as argon2-jvm bundles it for
 * each platform), about three times cheaper in CPU than Bouncy Castle's Java one at the
 * same cost (docs/decisions/0010-native-argon2.md). It reads and writes the same PHC
 * string as Spring Security's {@link Argon2PasswordEncoder}
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, base64 without padding), so hashes
 * made by either verify with the other.
 */
final class Libargon2PasswordEncoder implements PasswordEncoder {

	private static final Logger log = LoggerFactory.getLogger(Libargon2PasswordEncoder.class);

	private final Argon2 argon2;

	private final int iterations;

	private final int memoryKib;

	private final int parallelism;

	/** Only reads parameters out of a stored hash; it never hashes. */
	private final Argon2PasswordEncoder parameters;

	Libargon2PasswordEncoder(int saltBytes, int hashBytes, int parallelism, int memoryKib, int iterations) {
		this.argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, saltBytes, hashBytes);
		this.iterations = iterations;
		this.memoryKib = memoryKib;
		this.parallelism = parallelism;
		this.parameters = new Argon2PasswordEncoder(saltBytes, hashBytes, parallelism, memoryKib, iterations);
	}

	/**
	 * libargon2 when this platform's library loads, else Bouncy Castle (the same hashes,
	 * slower): a platform argon2-jvm carries no library for still starts and logs in.
	 */
	static PasswordEncoder orBouncyCastle(int saltBytes, int hashBytes, int parallelism, int memoryKib,
			int iterations) {
		if (available()) {
			return new Libargon2PasswordEncoder(saltBytes, hashBytes, parallelism, memoryKib, iterations);
		}
		return new Argon2PasswordEncoder(saltBytes, hashBytes, parallelism, memoryKib, iterations);
	}

	static boolean available() {
		try {
			return Argon2Library.INSTANCE != null;
		}
		catch (LinkageError ex) {
			log.warn("libargon2 is not available on this platform ({}); hashing with Bouncy Castle instead",
					ex.toString());
			return false;
		}
	}

	@Override
	public String encode(CharSequence rawPassword) {
		char[] password = chars(rawPassword);
		try {
			return this.argon2.hash(this.iterations, this.memoryKib, this.parallelism, password,
					StandardCharsets.UTF_8);
		}
		finally {
			this.argon2.wipeArray(password);
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
			// As Spring's encoder answers a missing or foreign hash: no match, never an
			// error.
			return false;
		}
		char[] password = chars(rawPassword);
		try {
			// Takes m, t and p from the stored hash, compares in constant time, and
			// answers
			// false for a malformed one.
			return this.argon2.verify(encodedPassword, password, StandardCharsets.UTF_8);
		}
		finally {
			this.argon2.wipeArray(password);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.parameters.upgradeEncoding(encodedPassword);
	}

	private static char[] chars(CharSequence rawPassword) {
		CharBuffer buffer = CharBuffer.wrap(rawPassword);
		char[] chars = new char[buffer.remaining()];
		buffer.get(chars);
		return chars;
	}

}
