package io.gatehouse.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.gatehouse.account.Usernames;
import io.gatehouse.errors.FieldProblem;

/**
 * The field rules of registration: every bad field is named at once, one problem per
 * field, in the order of the form. Message keys are {@code validation.<field>.<code>}.
 */
final class RegistrationRules {

	static final int MIN_PASSWORD = 12;

	static final int MAX_PASSWORD = 128;

	static final int MAX_EMAIL = 254;

	/** A pragmatic address shape: local part, '@', a domain with at least one dot. */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@"
			+ "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	/** E.164: a plus, a country code that does not start with 0, at most 15 digits. */
	private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

	private final CommonPasswords commonPasswords;

	RegistrationRules(CommonPasswords commonPasswords) {
		this.commonPasswords = commonPasswords;
	}

	List<FieldProblem> problems(RegistrationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (isBlank(request.username())) {
			problems.add(FieldProblem.of("username", "required"));
		}
		else if (Usernames.normalize(request.username()) == null) {
			problems.add(FieldProblem.of("username", "format"));
		}
		if (isBlank(request.email())) {
			problems.add(FieldProblem.of("email", "required"));
		}
		else if (request.email().length() > MAX_EMAIL || !EMAIL.matcher(request.email()).matches()) {
			problems.add(FieldProblem.of("email", "format"));
		}
		if (isBlank(request.phone())) {
			problems.add(FieldProblem.of("phone", "required"));
		}
		else if (!PHONE.matcher(request.phone()).matches()) {
			problems.add(FieldProblem.of("phone", "format"));
		}
		String passwordProblem = passwordProblem(request.password(), request.username());
		if (passwordProblem != null) {
			problems.add(FieldProblem.of("password", passwordProblem));
		}
		return problems;
	}

	private String passwordProblem(String password, String username) {
		if (password == null || password.isEmpty()) {
			return "required";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
			return "size";
		}
		if (username != null && isSameAsUsername(password, username)) {
			return "same-as-username";
		}
		if (this.commonPasswords.contains(password)) {
			return "common";
		}
		return null;
	}

	private static boolean isSameAsUsername(String password, String username) {
		String normalizedUsername = Usernames.normalize(username);
		String folded = password.toLowerCase(Locale.ROOT);
		return folded.equals(username.toLowerCase(Locale.ROOT))
				|| (normalizedUsername != null && normalizedUsername.equals(Usernames.normalize(password)));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
