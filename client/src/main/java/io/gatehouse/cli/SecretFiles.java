package io.gatehouse.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret from a file, as {@code --password-file} and the like name it: the whole
 * file but one final line break, so {@code echo secret > file} works.
 */
final class SecretFiles {

	private SecretFiles() {
	}

	/**
	 * The secret in {@code file}.
	 * @throws IllegalArgumentException when the file cannot be read or holds nothing
	 */
	static char[] read(Path file, String option) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(option + ": cannot read " + file);
		}
		if (text.endsWith("\n")) {
			text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
		}
		if (text.isEmpty()) {
			throw new IllegalArgumentException(option + ": " + file + " is empty");
		}
		return text.toCharArray();
	}

}
