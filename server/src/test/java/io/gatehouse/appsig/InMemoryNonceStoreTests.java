package io.gatehouse.appsig;

import java.time.Duration;

import io.gatehouse.errors.StateUnavailableException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InMemoryNonceStoreTests {

	private static final Duration TTL = Duration.ofSeconds(600);

	private final MutableClock clock = new MutableClock(1_764_000_000_000L);

	private final InMemoryNonceStore store = new InMemoryNonceStore(3, this.clock);

	@Test
	void firstUseWhenNewThenTrue() {
		assertThat(this.store.firstUse("web-demo", "n1", TTL)).isTrue();
	}

	@Test
	void firstUseWhenSeenWithinTtlThenFalse() {
		this.store.firstUse("web-demo", "n1", TTL);
		this.clock.advance(TTL.minusMillis(1));
		assertThat(this.store.firstUse("web-demo", "n1", TTL)).isFalse();
	}

	@Test
	void firstUseWhenSameNonceOtherKidThenTrue() {
		this.store.firstUse("web-demo", "n1", TTL);
		assertThat(this.store.firstUse("web-next", "n1", TTL)).isTrue();
	}

	@Test
	void firstUseWhenTtlPassedThenForgottenAndTrue() {
		this.store.firstUse("web-demo", "n1", TTL);
		this.clock.advance(TTL);
		assertThat(this.store.firstUse("web-demo", "n1", TTL)).isTrue();
		assertThat(this.store.size()).isEqualTo(1);
	}

	@Nested
	class Bounded {

		@Test
		void firstUseWhenFullOfLiveNoncesThenFailsClosed() {
			fill();
			assertThatExceptionOfType(StateUnavailableException.class)
				.isThrownBy(() -> InMemoryNonceStoreTests.this.store.firstUse("web-demo", "n4", TTL));
			// Nothing live was forgotten: every remembered nonce is still a replay.
			assertThat(InMemoryNonceStoreTests.this.store.firstUse("web-demo", "n1", TTL)).isFalse();
			assertThat(InMemoryNonceStoreTests.this.store.firstUse("web-demo", "n3", TTL)).isFalse();
		}

		@Test
		void firstUseWhenFullButOldestExpiredThenRoomAgain() {
			fill();
			InMemoryNonceStoreTests.this.clock.advance(TTL);
			assertThat(InMemoryNonceStoreTests.this.store.firstUse("web-demo", "n4", TTL)).isTrue();
			assertThat(InMemoryNonceStoreTests.this.store.size()).isEqualTo(1);
		}

		private void fill() {
			for (int i = 1; i <= 3; i++) {
				assertThat(InMemoryNonceStoreTests.this.store.firstUse("web-demo", "n" + i, TTL)).isTrue();
				InMemoryNonceStoreTests.this.clock.advance(Duration.ofMillis(1));
			}
		}

	}

}
