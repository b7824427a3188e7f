package io.gatehouse.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs at most {@code permits} hashes at once; further callers wait their turn. Each
 * Argon2id hash holds 19 MiB while it runs, so without a bound a burst of logins or
 * registrations (a guest session may register any number of times) holds that much per
 * request thread at once: 200 Tomcat threads, 3.8 GiB, enough to exhaust the heap. A hash
 * is CPU-bound, so beyond the cores parallel hashes gain nothing and waiting costs no
 * throughput.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	BoundedPasswordEncoder(PasswordEncoder delegate, int permits) {
		this.delegate = delegate;
		this.permits = new Semaphore(permits, true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bounded(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return bounded(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private <T> T bounded(Supplier<T> hashing) {
		this.permits.acquireUninterruptibly();
		try {
			return hashing.get();
		}
		finally {
			this.permits.release();
		}
	}

}
