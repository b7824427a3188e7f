package io.gatehouse.customer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PinsTests {

	@ParameterizedTest
	@ValueSource(strings = { "8264", "1235", "90210", "135790", "2580", "1122", "0912", "9870" })
	void isAcceptableWhenFourToSixMixedDigitsThenTrue(String pin) {
		assertThat(Pins.isAcceptable(pin)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "123", "1234567", "12a4", " 8264", "8264 ", "٨٢٦٤", "-826", "82.6" })
	void isAcceptableWhenNotFourToSixAsciiDigitsThenFalse(String pin) {
		assertThat(Pins.isAcceptable(pin)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0000", "1111", "99999", "777777", "1234", "4321", "123456", "654321", "34567", "6789",
			"9876", "0123", "3210" })
	void isAcceptableWhenOneDigitOrStraightRunThenFalse(String pin) {
		assertThat(Pins.isAcceptable(pin)).isFalse();
	}

}
