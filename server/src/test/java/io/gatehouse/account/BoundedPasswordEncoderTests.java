package io.gatehouse.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class BoundedPasswordEncoderTests {

	@Test
	void encodeAndMatchesWhenManyAtOnceThenNoMoreRunThanThePermits() throws Exception {
		CountingEncoder counting = new CountingEncoder(true);
		PasswordEncoder bounded = new BoundedPasswordEncoder(counting, 2);
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				boolean encode = (i % 2 == 0);
				calls.add(threads.submit(() -> encode ? bounded.encode("pw") : bounded.matches("pw", "{x}pw")));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> counting.running.get() == 2);
			// The other four stay waiting while two hashes run.
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(10))
				.until(() -> counting.mostAtOnce.get() == 2);
			counting.release.countDown();
			for (Future<?> call : calls) {
				call.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(counting.calls.get()).isEqualTo(6);
		assertThat(counting.mostAtOnce.get()).isEqualTo(2);
	}

	@Test
	void encodeWhenDelegateFailsThenPermitReturned() {
		PasswordEncoder failing = new CountingEncoder(false) {

			@Override
			public String encode(CharSequence raw) {
				throw new IllegalStateException("boom");
			}

		};
		PasswordEncoder bounded = new BoundedPasswordEncoder(failing, 1);

		assertThatIllegalStateException().isThrownBy(() -> bounded.encode("pw"));
		assertThatIllegalStateException().isThrownBy(() -> bounded.encode("pw"));

		assertThat(bounded.matches("pw", "{x}pw")).isTrue();
	}

	@Test
	void argon2idWhenUsedThenBoundedAndHashesAndVerifies() {
		PasswordEncoder encoder = PasswordHashing.argon2id();
		String hash = encoder.encode("Blue-Harbor-Lantern-42");

		assertThat(encoder).isInstanceOf(BoundedPasswordEncoder.class);
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(encoder.matches("Blue-Harbor-Lantern-42", hash)).isTrue();
		assertThat(encoder.matches("Blue-Harbor-Lantern-43", hash)).isFalse();
	}

	static class CountingEncoder implements PasswordEncoder {

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			return work("{x}" + raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return work(encoded).equals("{x}" + raw);
		}

		/** Released when the test lets the running hashes finish. */
		final CountDownLatch release;

		CountingEncoder(boolean holdUntilReleased) {
			this.release = new CountDownLatch(holdUntilReleased ? 1 : 0);
		}

		private String work(String result) {
			this.calls.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.running.decrementAndGet();
			}
			return result;
		}

	}

}
