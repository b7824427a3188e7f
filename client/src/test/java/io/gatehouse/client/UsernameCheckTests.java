package io.gatehouse.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameCheckTests {

	@ParameterizedTest(name = "exists={0} self={1} customer={2} pin={3} -> {4}")
	@CsvSource({ "false, false, false, false, REGISTER", "true, false, false, false, LOG_IN",
			"true, false, true, true, LOG_IN", "true, true, false, false, ONBOARDING",
			"true, true, false, true, ONBOARDING", "true, true, true, false, SET_PIN", "true, true, true, true, HOME" })
	void nextStepWhenStateThenAsContractTable(boolean exists, boolean callerIsUser, boolean hasCustomer, boolean pinSet,
			NextStep expected) {
		UsernameCheck check = new UsernameCheck(exists, hasCustomer, null, null, null, null, null, pinSet,
				callerIsUser);

		assertThat(check.nextStep()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "active, ACTIVE", "past_due, PAST_DUE",
			"incomplete_expired, INCOMPLETE_EXPIRED", "paused, PAUSED", "something_new, UNKNOWN", "null, null" })
	void subscriptionStatusWhenWireValueThenEnum(String wire, SubscriptionStatus expected) {
		assertThat(SubscriptionStatus.fromWire(wire)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "testuserbmp@yopmail.com, t***@yopmail.com", "x, ***", "null, null" })
	void emailWhenMaskedThenFirstLetterAndDomain(String email, String masked) {
		assertThat(Masking.email(email)).isEqualTo(masked);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "+923185456266, +92******266", "+1234, ******", "null, null" })
	void phoneWhenMaskedThenPrefixAndLastThreeDigits(String phone, String masked) {
		assertThat(Masking.phone(phone)).isEqualTo(masked);
	}

}
