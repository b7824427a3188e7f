package io.gatehouse.client;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the session and the device tokens in memory; a logout clears only the session.
 */
final class InMemoryTokenStore implements TokenStore {

	private final AtomicReference<Session> session = new AtomicReference<>();

	private final ConcurrentMap<String, String> deviceTokens = new ConcurrentHashMap<>();

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

	@Override
	public String deviceToken(String username) {
		return (username != null) ? this.deviceTokens.get(username) : null;
	}

	@Override
	public void saveDeviceToken(String username, String deviceToken) {
		this.deviceTokens.put(Objects.requireNonNull(username, "username == null"),
				Objects.requireNonNull(deviceToken, "deviceToken == null"));
	}

}
