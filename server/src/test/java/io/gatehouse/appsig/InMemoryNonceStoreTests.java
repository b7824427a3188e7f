package io.gatehouse.appsig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.gatehouse.appsig.NonceStore.Use;
import io.gatehouse.errors.StateUnavailableException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InMemoryNonceStoreTests {

	private static final long NOW = 1_764_000_000_000L;

	private static final Duration SKEW = Duration.ofSeconds(300);

	private static final Duration MIN_SKEW = Duration.ofSeconds(10);

	private static final long MEMORY = DataSize.ofMegabytes(1).toBytes();

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryNonceStore store = new InMemoryNonceStore(SKEW, MIN_SKEW, MEMORY, this.clock);

	@Test
	void firstUseWhenNewThenFirst() {
		assertThat(this.store.firstUse("web-demo", "n1", NOW)).isEqualTo(Use.FIRST);
		assertThat(this.store.state().nonces()).isEqualTo(1);
	}

	@Test
	void firstUseWhenSeenWithTheSameTsThenReplayed() {
		this.store.firstUse("web-demo", "n1", NOW - 299_000);
		this.clock.advance(Duration.ofSeconds(598));
		assertThat(this.store.firstUse("web-demo", "n1", NOW - 299_000)).isEqualTo(Use.OUTSIDE_WINDOW);
		this.clock.set(NOW + 1);
		assertThat(this.store.firstUse("web-demo", "n1", NOW - 299_000)).isEqualTo(Use.REPLAYED);
	}

	@Test
	void firstUseWhenSameNonceOtherKidThenFirst() {
		this.store.firstUse("web-demo", "n1", NOW);
		assertThat(this.store.firstUse("web-next", "n1", NOW)).isEqualTo(Use.FIRST);
	}

	@Test
	void firstUseWhenTsBeyondTheSkewThenOutsideWindow() {
		assertThat(this.store.firstUse("web-demo", "n1", NOW - 300_001)).isEqualTo(Use.OUTSIDE_WINDOW);
		assertThat(this.store.firstUse("web-demo", "n2", NOW + 300_001)).isEqualTo(Use.OUTSIDE_WINDOW);
		assertThat(this.store.firstUse("web-demo", "n3", NOW + 300_000)).isEqualTo(Use.FIRST);
		assertThat(this.store.state()).isEqualTo(new ReplayState(this.store.state().bytes(), 1, -300_000, 300_000));
	}

	@Test
	void firstUseWhenTheSecondOfItsTsIsPastTheSkewThenItsBucketIsGivenBack() {
		for (int i = 0; i < 1000; i++) {
			this.store.firstUse("web-demo", "old-" + i, NOW - 299_500);
		}
		long held = this.store.state().bytes();
		this.clock.advance(Duration.ofSeconds(2));
		this.store.firstUse("web-demo", "new", NOW);
		assertThat(this.store.state().nonces()).isEqualTo(1);
		assertThat(this.store.state().bytes()).isLessThan(held);
	}

	@Nested
	class AtTheMemoryBound {

		@Test
		void firstUseWhenFullThenOldestBucketForgottenAndItsTsRefusedFromThen() {
			List<String> old = fill(NOW - 290_000, 20_000);
			for (int i = 0; store().state().acceptedFromMillis() == -300_000; i++) {
				assertThat(store().firstUse("web-demo", "now-" + i, NOW)).isEqualTo(Use.FIRST);
			}
			// The forgotten nonces are not accepted again: their ts no longer is.
			assertThat(old).allSatisfy(
					(nonce) -> assertThat(store().firstUse("web-demo", nonce, NOW - 290_000)).isNotEqualTo(Use.FIRST));
			assertThat(store().state().acceptedFromMillis()).isGreaterThan(-300_000).isLessThanOrEqualTo(-10_000);
			assertThat(store().state().bytes()).isLessThanOrEqualTo(MEMORY);
		}

		@Test
		void firstUseWhenFarFutureFloodedThenCeilingLoweredAndPresentStillAccepted() {
			int refused = 0;
			for (int i = 0; i < 200_000; i++) {
				long ts = NOW + 11_000 + ThreadLocalRandom.current().nextLong(289_000);
				if (store().firstUse("web-demo", "future-" + i, ts) == Use.OUTSIDE_WINDOW) {
					refused++;
				}
			}
			assertThat(refused).isPositive();
			ReplayState state = store().state();
			assertThat(state.acceptedToMillis()).isLessThan(300_000);
			assertThat(state.bytes()).isLessThanOrEqualTo(MEMORY / InMemoryNonceStore.FUTURE_SHARE_DIVISOR);
			for (int i = 0; i < 1000; i++) {
				assertThat(store().firstUse("web-demo", "honest-" + i, NOW + 1000)).isEqualTo(Use.FIRST);
			}
		}

		@Test
		void firstUseWhenFullOfNoncesWithinTheMinimumWindowThenFailsClosed() {
			assertThatExceptionOfType(StateUnavailableException.class).isThrownBy(() -> fill(NOW, 1_000_000));
			assertThat(store().state().bytes()).isLessThanOrEqualTo(MEMORY);
			assertThat(store().state().acceptedFromMillis()).isEqualTo(-300_000);
		}

		private List<String> fill(long ts, int count) {
			List<String> nonces = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String nonce = "fill-" + ts + "-" + i;
				assertThat(store().firstUse("web-demo", nonce, ts)).isEqualTo(Use.FIRST);
				nonces.add(nonce);
			}
			return nonces;
		}

		private InMemoryNonceStore store() {
			return InMemoryNonceStoreTests.this.store;
		}

	}

	/**
	 * Eight threads flood the store with new nonces spread over the whole ±300 s window
	 * and with replays of nonces it accepted, at 1,000 requests per simulated second
	 * (each request moves the clock 1 ms) for 800 simulated seconds: far more than 1 MB
	 * holds, below the rate at which it would fail closed (docs/security.md). An honest
	 * client sends a fresh nonce with the time of its Date-corrected clock every 50
	 * requests.
	 */
	@Test
	void firstUseWhenFloodedFromManyThreadsThenNoReplayEverAcceptedAndHonestNoncesPass() throws Exception {
		AtomicLong requests = new AtomicLong();
		Clock clock = new RequestClock(requests);
		InMemoryNonceStore store = new InMemoryNonceStore(SKEW, MIN_SKEW, MEMORY, clock);
		Map<String, Boolean> accepted = new ConcurrentHashMap<>();
		AtomicReferenceArray<Signed> sample = new AtomicReferenceArray<>(4096);
		AtomicLong violations = new AtomicLong();
		AtomicLong honestRefused = new AtomicLong();
		AtomicLong overBound = new AtomicLong();
		AtomicLong narrowestFrom = new AtomicLong(Long.MIN_VALUE);
		AtomicLong narrowestTo = new AtomicLong(Long.MAX_VALUE);
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				for (int i = 0; i < 100_000; i++) {
					long now = requests.incrementAndGet() + NOW;
					String nonce;
					long ts;
					int slot = random.nextInt(4096);
					Signed replay = sample.get(slot);
					if (i % 4 == 3 && replay != null) {
						nonce = replay.nonce();
						ts = replay.ts();
					}
					else {
						nonce = "n-" + thread + "-" + i;
						ts = now - 300_000 + random.nextLong(600_001);
					}
					if (store.firstUse("web-demo", nonce, ts) == Use.FIRST) {
						if (accepted.putIfAbsent(nonce, Boolean.TRUE) != null) {
							violations.incrementAndGet();
						}
						sample.set(slot, new Signed(nonce, ts));
					}
					if (i % 50 == 0) {
						long honestTs = now - 1000 + random.nextLong(2001);
						if (store.firstUse("web-demo", "honest-" + thread + "-" + i, honestTs) != Use.FIRST) {
							honestRefused.incrementAndGet();
						}
					}
					ReplayState state = store.state();
					if (state.bytes() > MEMORY) {
						overBound.incrementAndGet();
					}
					narrowestFrom.accumulateAndGet(state.acceptedFromMillis(), Math::max);
					narrowestTo.accumulateAndGet(state.acceptedToMillis(), Math::min);
				}
			});
			worker.start();
			threads.add(worker);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(violations).hasValue(0);
		assertThat(honestRefused).hasValue(0);
		assertThat(overBound).hasValue(0);
		// The flood did narrow the window, and never below the minimum.
		assertThat(narrowestFrom.get()).isGreaterThan(-300_000).isLessThanOrEqualTo(-10_000);
		assertThat(narrowestTo.get()).isLessThan(300_000).isGreaterThanOrEqualTo(10_000);
		assertThat(store.state().bytesPerNonce()).isBetween(8.0, 32.0);
	}

	/** A payload's nonce and its ts, which a replay sends together. */
	private record Signed(String nonce, long ts) {

	}

	/**
	 * The race the many-thread flood once hit: a request reads the clock, then, before it
	 * looks up its bucket, a request with a later clock sweeps that second away. The
	 * first may not make the bucket again, empty, and take a replay for a first use.
	 */
	@Test
	void firstUseWhenItsSecondIsSweptBetweenItsClockReadAndItsLookupThenReplayNotAccepted() {
		long edge = NOW - 299_500;
		assertThat(this.store.firstUse("web-demo", "n1", edge)).isEqualTo(Use.FIRST);
		this.clock.beforeNextRead(() -> {
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(this.store.firstUse("web-demo", "sweeper", NOW + 2_000)).isEqualTo(Use.FIRST);
		});

		Use replay = this.store.firstUse("web-demo", "n1", edge);

		assertThat(this.clock.millis()).as("the sweep ran inside the replay's clock read").isEqualTo(NOW + 2_000);
		assertThat(replay).isNotEqualTo(Use.FIRST);
	}

	/** Time as the requests make it: each one a millisecond later. */
	private static final class RequestClock extends Clock {

		private final AtomicLong requests;

		RequestClock(AtomicLong requests) {
			this.requests = requests;
		}

		@Override
		public long millis() {
			return NOW + this.requests.get();
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
