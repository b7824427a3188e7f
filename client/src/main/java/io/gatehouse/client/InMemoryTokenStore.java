package io.gatehouse.client;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the session in memory.
 */
final class InMemoryTokenStore implements TokenStore {

	private final AtomicReference<Session> session = new AtomicReference<>();

	@Override
	public Session load() {
		return this.session.get();
	}

	@Override
	public void save(Session session) {
		this.session.set(Objects.requireNonNull(session, "session == null"));
	}

	@Override
	public void clear() {
		this.session.set(null);
	}

}
