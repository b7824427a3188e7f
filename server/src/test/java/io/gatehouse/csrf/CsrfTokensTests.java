package io.gatehouse.csrf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.gatehouse.csrf.CsrfTokens.IssuedCsrfToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsrfTokensTests {

	static final byte[] SECRET = filled(32, (byte) 7);

	static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	final CsrfTokens tokens = tokensAt(NOW);

	@Test
	void issueWhenCalledThenTokenHasVersionExpiryAndMac() {
		IssuedCsrfToken issued = this.tokens.issue("sid-1");

		assertThat(issued.expiresIn()).isEqualTo(7200);
		assertThat(issued.csrfToken()).matches("v1\\.\\d+\\.[A-Za-z0-9_-]{43}");
		assertThat(issued.csrfToken()).startsWith("v1." + NOW.plus(Duration.ofHours(2)).getEpochSecond() + ".");
	}

	@Test
	void isValidWhenSameSessionThenTrue() {
		assertThat(this.tokens.isValid("sid-1", this.tokens.issue("sid-1").csrfToken())).isTrue();
	}

	@Test
	void isValidWhenIssuedAgainLaterThenBothValid() {
		String first = this.tokens.issue("sid-1").csrfToken();
		String second = tokensAt(NOW.plusSeconds(60)).issue("sid-1").csrfToken();

		assertThat(this.tokens.isValid("sid-1", first)).isTrue();
		assertThat(this.tokens.isValid("sid-1", second)).isTrue();
	}

	/**
	 * A rotation: the new secret makes tokens, the previous one still verifies its own.
	 */
	@Nested
	class PreviousSecrets {

		final byte[] next = filled(32, (byte) 9);

		final CsrfTokens rotated = new CsrfTokens(this.next, List.of(SECRET), Duration.ofHours(2),
				Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));

		@Test
		void isValidWhenMadeWithPreviousSecretThenStillValidUntilExpiry() {
			String old = CsrfTokensTests.this.tokens.issue("sid-1").csrfToken();

			assertThat(this.rotated.isValid("sid-1", old)).isTrue();
			assertThat(this.rotated.isValid("sid-2", old)).isFalse();
			CsrfTokens afterExpiry = new CsrfTokens(this.next, List.of(SECRET), Duration.ofHours(2),
					Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
			assertThat(afterExpiry.isValid("sid-1", old)).isFalse();
		}

		@Test
		void issueWhenRotatedThenMadeWithNewSecretOnly() {
			String fresh = this.rotated.issue("sid-1").csrfToken();

			assertThat(this.rotated.isValid("sid-1", fresh)).isTrue();
			assertThat(new CsrfTokens(this.next, Duration.ofHours(2), Clock.fixed(NOW, ZoneOffset.UTC)).isValid("sid-1",
					fresh))
				.isTrue();
			assertThat(CsrfTokensTests.this.tokens.isValid("sid-1", fresh)).isFalse();
		}

		@Test
		void isValidWhenMadeWithUnlistedSecretThenFalse() {
			CsrfTokens stranger = new CsrfTokens(filled(32, (byte) 1), Duration.ofHours(2),
					Clock.fixed(NOW, ZoneOffset.UTC));

			assertThat(this.rotated.isValid("sid-1", stranger.issue("sid-1").csrfToken())).isFalse();
		}

	}

	@Nested
	class Refused {

		final String token = CsrfTokensTests.this.tokens.issue("sid-1").csrfToken();

		@Test
		void isValidWhenOtherSessionThenFalse() {
			assertThat(CsrfTokensTests.this.tokens.isValid("sid-2", this.token)).isFalse();
		}

		@Test
		void isValidWhenExpiredThenFalse() {
			assertThat(tokensAt(NOW.plus(Duration.ofHours(2))).isValid("sid-1", this.token)).isFalse();
			assertThat(tokensAt(NOW.plus(Duration.ofHours(2)).minusSeconds(1)).isValid("sid-1", this.token)).isTrue();
		}

		@Test
		void isValidWhenExpiryEditedThenFalse() {
			String[] parts = this.token.split("\\.");
			String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 3600) + "." + parts[2];

			assertThat(CsrfTokensTests.this.tokens.isValid("sid-1", extended)).isFalse();
		}

		@Test
		void isValidWhenOtherSecretThenFalse() {
			CsrfTokens other = new CsrfTokens(filled(32, (byte) 8), Duration.ofHours(2),
					Clock.fixed(NOW, ZoneOffset.UTC));

			assertThat(other.isValid("sid-1", this.token)).isFalse();
		}

		@Test
		void isValidWhenMalformedThenFalse() {
			CsrfTokens tokens = CsrfTokensTests.this.tokens;
			for (String bad : new String[] { "", "v1", "v1..", "v2" + this.token.substring(2), this.token + ".x",
					"v1.-5." + this.token.split("\\.")[2], "v1.99999999999999999999." + this.token.split("\\.")[2],
					"v1.1.!!!", this.token.substring(0, this.token.length() - 2), "x".repeat(10_000) }) {
				assertThat(tokens.isValid("sid-1", bad)).as(bad).isFalse();
			}
			assertThat(tokens.isValid(null, this.token)).isFalse();
			assertThat(tokens.isValid("sid-1", null)).isFalse();
		}

	}

	@Test
	void constructorWhenSecretShortThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CsrfTokens(new byte[31], Duration.ofHours(2), Clock.systemUTC()));
	}

	static CsrfTokens tokensAt(Instant instant) {
		return new CsrfTokens(SECRET, Duration.ofHours(2), Clock.fixed(instant, ZoneOffset.UTC));
	}

	static byte[] filled(int length, byte value) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, value);
		return bytes;
	}

}
