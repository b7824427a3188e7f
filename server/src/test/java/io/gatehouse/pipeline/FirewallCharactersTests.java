package io.gatehouse.pipeline;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FirewallCharactersTests {

	/** Spring Security's own rules, as StrictHttpFirewall writes them. */
	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void isAllowedWhenEachCharacterThenSameAnswerAsSpringSecurity() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String text = "a" + (char) c + "b";
			assertSame(text);
		}
	}

	@Test
	void isAllowedWhenSupplementaryCodePointsThenSameAnswerAsSpringSecurity() {
		for (int codePoint = Character.MIN_SUPPLEMENTARY_CODE_POINT; codePoint <= Character.MAX_CODE_POINT; codePoint += 7) {
			assertSame("x" + Character.toString(codePoint) + "y");
		}
	}

	@Test
	void isAllowedWhenLoneOrSwappedSurrogatesThenSameAnswerAsSpringSecurity() {
		assertSame("\uD83D");
		assertSame("\uDE00");
		assertSame("a\uD83Db");
		assertSame("a\uDE00\uD83D");
		assertSame("\uD83D\uDE00");
		assertSame("\uD83D\uD83D\uDE00");
		assertSame("\uDBFF\uDFFF");
	}

	@Test
	void isAllowedWhenRandomStringsThenSameAnswerAsSpringSecurity() {
		SplittableRandom random = new SplittableRandom(13);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				// Mostly the ranges a client can put into a header, sometimes any char.
				text.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
			}
			assertSame(text.toString());
		}
	}

	@Test
	void firewallWhenControlCharacterInHeaderThenRejected() {
		StrictHttpFirewall firewall = FirewallCharacters.firewall();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
		request.addHeader("x-app-payload", "abc\u0000def");
		request.addHeader("x-tab", "a\tb");
		request.addHeader("x-bad\u0007name", "v");

		var firewalled = firewall.getFirewalledRequest(request);

		assertThat(firewalled.getHeader("x-tab")).isEqualTo("a\tb");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewalled.getHeader("x-app-payload"));
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewalled.getHeader("x-bad\u0007name"));
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> firewalled.getHeader("x-\tname"));
	}

	private static void assertSame(String text) {
		assertThat(FirewallCharacters.isAllowedName(text)).as("name %s", codes(text)).isEqualTo(matches(NAMES, text));
		assertThat(FirewallCharacters.isAllowedValue(text)).as("value %s", codes(text))
			.isEqualTo(matches(VALUES, text));
	}

	private static boolean matches(Pattern pattern, String text) {
		Predicate<String> predicate = (s) -> pattern.matcher(s).matches();
		return predicate.test(text);
	}

	private static String codes(String text) {
		StringBuilder codes = new StringBuilder();
		text.chars().forEach((c) -> codes.append(String.format("\\u%04X", c)));
		return codes.toString();
	}

}
