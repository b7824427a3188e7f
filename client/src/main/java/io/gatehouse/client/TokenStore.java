package io.gatehouse.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link GatehouseClient} keeps its {@link Session}. Implementations must be
 * thread-safe; the client calls them on every request.
 */
public interface TokenStore {

	/**
	 * The stored session.
	 * @return the session, or {@code null} when there is none
	 */
	Session load();

	/**
	 * Replaces the stored session.
	 * @param session the new session, never {@code null}
	 */
	void save(Session session);

	/**
	 * Forgets the session, as a logout does.
	 */
	void clear();

	/**
	 * A store that keeps the session in memory only; the default.
	 * @return a new, empty store
	 */
	static TokenStore inMemory() {
		return new InMemoryTokenStore();
	}

	/**
	 * A store that keeps the session in a JSON file readable and writable by its owner
	 * only (POSIX {@code 0600}), so separate processes (the command line) share it.
	 * @param file the file; its parent directories are created when needed
	 * @return a store backed by that file
	 */
	static TokenStore file(Path file) {
		Objects.requireNonNull(file, "file == null");
		return new FileTokenStore(file);
	}

}
