package io.gatehouse.csrf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where the CSRF HMAC key comes from: the configured {@code gatehouse.csrf.secret}, the
 * file {@code gatehouse.csrf.secret-file} names, or, in the embedded default only, 32
 * random bytes generated once into {@code <data-dir>/csrf-secret} (owner-only) and reused
 * on every start, so tokens survive a restart.
 */
final class CsrfSecret {

	static final String FILE_NAME = "csrf-secret";

	private static final int GENERATED_BYTES = 32;

	private CsrfSecret() {
	}

	static byte[] resolve(String configured, Path dataDir, boolean mustBeConfigured) {
		return resolve(configured, null, dataDir, mustBeConfigured);
	}

	/**
	 * The current secret: {@code gatehouse.csrf.secret}, or the content of
	 * {@code gatehouse.csrf.secret-file}, or (embedded default only) the generated one.
	 */
	static byte[] resolve(String configured, Path secretFile, Path dataDir, boolean mustBeConfigured) {
		if (!configured.isEmpty() && secretFile != null) {
			throw new IllegalStateException("Set gatehouse.csrf.secret or gatehouse.csrf.secret-file, not both");
		}
		if (!configured.isEmpty()) {
			return decode(configured, "gatehouse.csrf.secret");
		}
		if (secretFile != null) {
			return readConfiguredFile(secretFile);
		}
		if (mustBeConfigured) {
			throw new IllegalStateException("gatehouse.csrf.secret must be set (base64 of 32+ random bytes, the same "
					+ "on every instance), or gatehouse.csrf.secret-file name a file holding it");
		}
		return readOrGenerate(dataDir.resolve(FILE_NAME));
	}

	/** The previous secrets, each decoded and checked as the current one is. */
	static List<byte[]> previous(List<String> configured) {
		List<byte[]> secrets = new ArrayList<>();
		for (int i = 0; i < configured.size(); i++) {
			secrets.add(decode(configured.get(i).trim(), "gatehouse.csrf.previous-secrets[" + i + "]"));
		}
		return secrets;
	}

	private static byte[] readConfiguredFile(Path file) {
		String text;
		try {
			text = Files.readString(file).trim();
		}
		catch (IOException ex) {
			// The message names the file only; it holds a secret.
			throw new IllegalStateException("gatehouse.csrf.secret-file " + file + " cannot be read");
		}
		return decode(text, "gatehouse.csrf.secret-file " + file);
	}

	private static byte[] decode(String configured, String source) {
		byte[] secret;
		try {
			secret = Base64.getDecoder().decode(configured);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " is not base64");
		}
		if (secret.length < GENERATED_BYTES) {
			throw new IllegalStateException(source + " must decode to at least 32 bytes");
		}
		return secret;
	}

	private static byte[] readOrGenerate(Path file) {
		try {
			if (!Files.exists(file)) {
				write(file);
			}
			return decode(Files.readString(file).trim(), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	/**
	 * Written to a temporary file first, so no reader ever sees a half-written secret.
	 */
	private static void write(Path file) throws IOException {
		byte[] secret = new byte[GENERATED_BYTES];
		new SecureRandom().nextBytes(secret);
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
		try {
			restrictToOwner(temporary);
			Files.writeString(temporary, Base64.getEncoder().encodeToString(secret));
			Files.move(temporary, file);
		}
		catch (FileAlreadyExistsException ex) {
			// Another process on the same data directory won the race; its secret stands.
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the data directory's permissions apply.
		}
	}

}
