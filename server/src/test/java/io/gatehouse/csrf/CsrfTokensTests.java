package io.gatehouse.csrf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

	@Test
	void isValidWhenManyThreadsAtOnceThenEachAnswerRight() throws Exception {
		// Each thread reuses its own Mac: tokens checked from many threads at once, half
		// of
		// them for the wrong session, must get the same answers as one at a time.
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 2_000; i++) {
				String sid = "sid-" + (i % 50);
				String presentedFor = (i % 2 == 0) ? sid : "sid-other-" + i;
				answers
					.add(threads.submit(() -> this.tokens.isValid(presentedFor, this.tokens.issue(sid).csrfToken())));
			}
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).as("check %d", i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			threads.shutdownNow();
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
