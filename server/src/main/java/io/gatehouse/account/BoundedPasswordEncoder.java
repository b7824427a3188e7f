package io.gatehouse.account;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder whose hashes wait in one lane of the {@link HashingQueue}: at most a
 * few request threads wait, for a bounded time, and the rest are answered 503 at once.
 * The application's {@code PasswordEncoder} bean uses {@link HashingLane#OTHER}
 * (registration, PINs); logins ask for their own lane with {@link #inLane}.
 */
public final class BoundedPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final HashingQueue queue;

	private final HashingLane lane;

	public BoundedPasswordEncoder(PasswordEncoder delegate, HashingQueue queue, HashingLane lane) {
		this.delegate = delegate;
		this.queue = queue;
		this.lane = lane;
	}

	/** The same hashing, waiting in another lane of the same queue. */
	public BoundedPasswordEncoder inLane(HashingLane other) {
		return new BoundedPasswordEncoder(this.delegate, this.queue, other);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.queue.run(this.lane, () -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return this.queue.run(this.lane, () -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
