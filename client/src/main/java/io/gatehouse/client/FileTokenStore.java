package io.gatehouse.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps the session in a JSON file with owner-only permissions. Writes go to a temporary
 * file created with those permissions and then replace the file, so the tokens are never
 * readable by others, not even for a moment. Separate processes share the file, so a
 * renewal runs under {@link #locked}: a lock on a sibling {@code .lock} file, which keeps
 * two processes from spending the same refresh token (the server would revoke the whole
 * session, docs/contract.md §4).
 */
final class FileTokenStore implements TokenStore {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	// A FileLock belongs to the whole JVM (a second one overlapping it throws), so
	// callers of one JVM queue on this lock first.
	private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

	private final Path file;

	FileTokenStore(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	/**
	 * Runs {@code action} while holding the file's lock, against every other store on the
	 * same file in this process and in others.
	 */
	@Override
	public <T> T locked(Supplier<T> action) {
		ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(this.file, (file) -> new ReentrantLock());
		jvmLock.lock();
		try {
			if (jvmLock.getHoldCount() > 1) {
				return action.get();
			}
			Files.createDirectories(this.file.getParent());
			Path lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				return action.get();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock the session file " + this.file, ex);
		}
		finally {
			jvmLock.unlock();
		}
	}

	@Override
	public synchronized Session load() {
		if (!Files.exists(this.file)) {
			return null;
		}
		try {
			JsonNode node = Json.MAPPER.readTree(this.file.toFile());
			if (node == null || !node.isObject() || text(node, "accessToken") == null) {
				// Empty, edited or not ours: a session without an access token would be
				// sent as "Bearer null" and could not be renewed.
				return null;
			}
			return new Session(text(node, "accessToken"), text(node, "refreshToken"), text(node, "scope"),
					instant(node, "accessExpiresAt"), instant(node, "refreshExpiresAt"), text(node, "subject"),
					text(node, "csrfToken"), instant(node, "csrfExpiresAt"));
		}
		catch (IOException ex) {
			// An unreadable session is no session: the user logs in again.
			return null;
		}
	}

	@Override
	public synchronized void save(Session session) {
		Objects.requireNonNull(session, "session == null");
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("accessToken", session.accessToken());
		node.put("refreshToken", session.refreshToken());
		node.put("scope", session.scope());
		node.put("accessExpiresAt", millis(session.accessExpiresAt()));
		node.put("refreshExpiresAt", millis(session.refreshExpiresAt()));
		node.put("subject", session.subject());
		node.put("csrfToken", session.csrfToken());
		node.put("csrfExpiresAt", millis(session.csrfExpiresAt()));
		try {
			Files.createDirectories(this.file.getParent());
			Path temp = createOwnerOnly(this.file.getParent(), this.file.getFileName().toString());
			try {
				Files.write(temp, Json.MAPPER.writeValueAsBytes(node));
				move(temp);
			}
			finally {
				// Gone after a move; after a failure, a copy of the tokens that no logout
				// would delete.
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the session file " + this.file, ex);
		}
	}

	@Override
	public synchronized void clear() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the session file " + this.file, ex);
		}
	}

	private static Path createOwnerOnly(Path dir, String name) throws IOException {
		try {
			return Files.createTempFile(dir, name, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the user's profile directory protects
			// it.
			return Files.createTempFile(dir, name, ".tmp");
		}
	}

	private void move(Path temp) throws IOException {
		try {
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

	private static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : Instant.ofEpochMilli(value.asLong());
	}

	private static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

}
