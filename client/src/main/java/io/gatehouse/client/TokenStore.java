package io.gatehouse.client;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a {@link GatehouseClient} keeps its {@link Session}. Implementations must be
 * thread-safe; the client calls them on every request.
 * <p>
 * A refresh token can be spent once: when two holders of one session refresh at the same
 * time, the server takes the second refresh for a stolen token and revokes the whole
 * session (docs/contract.md §4). The client renews a session only inside
 * {@link #locked(Supplier)}, and within one client only one thread renews at a time. A
 * store that several clients or processes share must therefore make {@code locked}
 * exclude them too, as {@link #file(Path)} does.
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
	 * Runs a renewal of the session (a refresh, or a new guest token) so that no other
	 * holder of the same stored session renews at the same time; the renewal reads the
	 * store again inside, and so sees what an earlier holder of the lock stored. The
	 * client calls it holding its own lock, so only one thread of a client waits here.
	 * <p>
	 * The default runs {@code renewal} at once: enough for a store that only one client
	 * uses. Override it when the stored session is shared by several clients or
	 * processes; the override may be entered again by the thread that holds it.
	 * @param <T> what the renewal returns
	 * @param renewal the renewal
	 * @return what {@code renewal} returned
	 */
	default <T> T locked(Supplier<T> renewal) {
		return renewal.get();
	}

	/**
	 * A store that keeps the session in memory only; the default.
	 * @return a new, empty store
	 */
	static TokenStore inMemory() {
		return new InMemoryTokenStore();
	}

	/**
	 * A store that keeps the session in a JSON file readable and writable by its owner
	 * only (POSIX {@code 0600}), so separate processes (the command line) share it. Its
	 * {@link #locked(Supplier)} holds a lock on a sibling {@code <file>.lock} against
	 * every other store on the same file, in this process and in others.
	 * @param file the file; its parent directories are created when needed
	 * @return a store backed by that file
	 */
	static TokenStore file(Path file) {
		Objects.requireNonNull(file, "file == null");
		return new FileTokenStore(file);
	}

}
