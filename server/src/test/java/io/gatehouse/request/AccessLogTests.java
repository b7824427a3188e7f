package io.gatehouse.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTests {

	/** The rule as the contract writes it; the access log checks it without a regex. */
	private static final Pattern APP_VERSION = Pattern.compile("[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}");

	@Test
	void isAppVersionWhenNamedCasesThenAsThePattern() {
		for (String value : new String[] { "1.0.0", "123456789.123456789.123456789", "1234567890.0.0", "1.0", "1.0.0.0",
				".1.0", "1..0", "1.0.", "", "a.b.c", "1.0.0 ", " 1.0.0", "１.0.0", "01.002.0003" }) {
			assertThat(AccessLog.isAppVersion(value)).as(value).isEqualTo(APP_VERSION.matcher(value).matches());
		}
		assertThat(AccessLog.isAppVersion(null)).isFalse();
	}

	@Test
	void isAppVersionWhenRandomStringsThenAsThePattern() {
		Random random = new Random(13);
		char[] alphabet = "0123456789..a".toCharArray();
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			char[] value = new char[random.nextInt(32)];
			for (int j = 0; j < value.length; j++) {
				value[j] = alphabet[random.nextInt(alphabet.length)];
			}
			values.add(new String(value));
		}
		for (String value : values) {
			assertThat(AccessLog.isAppVersion(value)).as(value).isEqualTo(APP_VERSION.matcher(value).matches());
		}
	}

}
