package io.gatehouse.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one username rule (docs/contract.md §3): NFKC, lower case, then
 * {@code ^[a-z0-9._]{3,32}$}. Tested against {@code testdata/username-vectors.json},
 * which the SDK and the web page use too.
 */
public final class Usernames {

	private static final Pattern VALID = Pattern.compile("[a-z0-9._]{3,32}");

	/** Longer input cannot normalise into a valid name; refuse it before normalising. */
	private static final int MAX_INPUT_LENGTH = 256;

	private Usernames() {
	}

	/** The normalised username, or {@code null} when the input is not a valid one. */
	public static String normalize(String input) {
		if (input == null || input.length() > MAX_INPUT_LENGTH) {
			return null;
		}
		String normalized = Normalizer.normalize(input, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return VALID.matcher(normalized).matches() ? normalized : null;
	}

}
