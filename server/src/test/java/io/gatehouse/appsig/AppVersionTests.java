package io.gatehouse.appsig;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AppVersionTests {

	@ParameterizedTest
	@ValueSource(strings = { "1.0.0", "0.0.0", "10.20.30", "999999999.999999999.999999999", "01.2.3" })
	void parseWhenMajorMinorPatchThenVersion(String value) {
		assertThat(AppVersion.parse(value)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "1.0", "1.0.0.0", "1..0", ".1.0", "1.0.", "1.0.0-beta", "v1.0.0", "1.0.x",
			"-1.0.0", "+1.0.0", " 1.0.0", "1.0.0 ", "1234567890.0.0", "١.٠.٠" })
	void parseWhenMalformedThenNull(String value) {
		assertThat(AppVersion.parse(value)).isNull();
	}

	@Test
	void parseWhenNullThenNull() {
		assertThat(AppVersion.parse(null)).isNull();
	}

	@Test
	void compareToWhenPartsDifferThenNumericOrder() {
		assertThat(AppVersion.parse("1.10.0")).isGreaterThan(AppVersion.parse("1.9.9"));
		assertThat(AppVersion.parse("2.0.0")).isGreaterThan(AppVersion.parse("1.99.99"));
		assertThat(AppVersion.parse("1.0.1")).isGreaterThan(AppVersion.parse("1.0.0"));
		assertThat(AppVersion.parse("01.0.0")).isEqualByComparingTo(AppVersion.parse("1.0.0"));
	}

	@Test
	void valueOfWhenMalformedThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> AppVersion.valueOf("1.0"));
		assertThat(AppVersion.valueOf("1.2.3")).hasToString("1.2.3");
	}

}
