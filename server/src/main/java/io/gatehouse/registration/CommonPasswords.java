package io.gatehouse.registration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A small bundled list of passwords attackers try first ({@code common-passwords.txt}),
 * compared case-insensitively. Short entries stay in the list although the length rule
 * refuses them anyway: the list should read as the well-known list it is.
 */
final class CommonPasswords {

	static final String RESOURCE = "/common-passwords.txt";

	private final Set<String> passwords;

	CommonPasswords(Set<String> passwords) {
		this.passwords = passwords.stream().map(CommonPasswords::fold).collect(Collectors.toUnmodifiableSet());
	}

	static CommonPasswords bundled() {
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			return new CommonPasswords(reader.lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toSet()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean contains(String password) {
		return this.passwords.contains(fold(password));
	}

	int size() {
		return this.passwords.size();
	}

	private static String fold(String password) {
		return password.toLowerCase(Locale.ROOT);
	}

}
