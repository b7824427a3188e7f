package io.gatehouse.client;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The username rules of docs/contract.md §3, the same as the server's: NFKC, then lower
 * case, then {@code ^[a-z0-9._]{3,32}$}.
 */
final class Usernames {

	private static final Pattern VALID = Pattern.compile("[a-z0-9._]{3,32}");

	// Longer input cannot become valid; do not spend time normalising it.
	private static final int MAX_INPUT = 256;

	private Usernames() {
	}

	/**
	 * The normalised username.
	 * @param input what the user typed
	 * @return the normalised username, or {@code null} when it is not a valid one
	 */
	static String normalize(String input) {
		if (input == null || input.length() > MAX_INPUT) {
			return null;
		}
		String normalized = Normalizer.normalize(input, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return VALID.matcher(normalized).matches() ? normalized : null;
	}

}
