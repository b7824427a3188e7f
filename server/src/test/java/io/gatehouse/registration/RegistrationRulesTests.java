package io.gatehouse.registration;

import java.util.List;

import io.gatehouse.errors.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRulesTests {

	static final String GOOD_PASSWORD = "Blue-Harbor-Lantern-42";

	final RegistrationRules rules = new RegistrationRules(CommonPasswords.bundled());

	@Test
	void problemsWhenAllFieldsGoodThenNone() {
		assertThat(problems("new.user_1", "new.user@example.com", "+14155550199", GOOD_PASSWORD)).isEmpty();
	}

	@Test
	void problemsWhenEverythingMissingThenEveryFieldRequired() {
		assertThat(problems(null, null, null, null)).containsExactly("username:required", "email:required",
				"phone:required", "password:required");
		assertThat(problems(" ", "", "  ", "")).containsExactly("username:required", "email:required", "phone:required",
				"password:required");
	}

	@Test
	void problemsWhenEveryFieldMalformedThenEveryFieldNamed() {
		assertThat(problems("no/slash", "not-an-email", "0300123", "short")).containsExactly("username:format",
				"email:format", "phone:format", "password:size");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "a b", "..", "emoji\uD83D\uDE00", "a/b" })
	void problemsWhenUsernameInvalidThenFormat(String username) {
		assertThat(problems(username, "a@example.com", "+14155550199", GOOD_PASSWORD))
			.containsExactly("username:format");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b", "@example.com", "a@@example.com", "a b@example.com", "a@example..com",
			"a@-example.com", "a@example.com " })
	void problemsWhenEmailMalformedThenFormat(String email) {
		assertThat(problems("new.user", email, "+14155550199", GOOD_PASSWORD)).containsExactly("email:format");
	}

	@Test
	void problemsWhenEmailLongerThan254ThenFormat() {
		String email = "a@" + ("b".repeat(60) + ".").repeat(5) + "com";

		assertThat(email.length()).isGreaterThan(254);
		assertThat(problems("new.user", email, "+14155550199", GOOD_PASSWORD)).containsExactly("email:format");
	}

	@ParameterizedTest
	@ValueSource(strings = { "923185456266", "+0923185456266", "+92 318 5456266", "+12345", "+1234567890123456",
			"+92318545626a" })
	void problemsWhenPhoneNotE164ThenFormat(String phone) {
		assertThat(problems("new.user", "a@example.com", phone, GOOD_PASSWORD)).containsExactly("phone:format");
	}

	@Test
	void problemsWhenPasswordTooLongThenSize() {
		assertThat(problems("new.user", "a@example.com", "+14155550199", "x".repeat(129)))
			.containsExactly("password:size");
		assertThat(problems("new.user", "a@example.com", "+14155550199", "Xy1-".repeat(32))).isEmpty();
	}

	@Test
	void problemsWhenPasswordIsUsernameThenSameAsUsername() {
		assertThat(problems("long.username_1", "a@example.com", "+14155550199", "LONG.USERNAME_1"))
			.containsExactly("password:same-as-username");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password1234", "Qwerty123456", "1q2w3e4r5t6y", "IloveYou1234" })
	void problemsWhenPasswordCommonThenCommon(String password) {
		assertThat(problems("new.user", "a@example.com", "+14155550199", password)).containsExactly("password:common");
	}

	@Test
	void bundledListHasAFewHundredPasswords() {
		assertThat(CommonPasswords.bundled().size()).isBetween(200, 2000);
	}

	List<String> problems(String username, String email, String phone, String password) {
		return this.rules.problems(new RegistrationRequest(username, email, phone, password))
			.stream()
			.map((FieldProblem problem) -> problem.field() + ":" + problem.code())
			.toList();
	}

}
