package io.gatehouse.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The queue with real threads: hashes that block until the test releases them stand in
 * for Argon2id, so "full" and "waiting" are states the test controls, not timings.
 */
class HashingQueueTests {

	final List<String> refusals = new CopyOnWriteArrayList<>();

	final CountDownLatch release = new CountDownLatch(1);

	final ExecutorService callers = Executors.newCachedThreadPool();

	HashingQueue queue;

	@AfterEach
	void stop() {
		this.release.countDown();
		this.callers.shutdownNow();
		if (this.queue != null) {
			this.queue.close();
		}
	}

	/**
	 * Two hashing threads, six waiting requests: 2 for logins, 1 of those for devices.
	 */
	HashingQueue queue(Duration waitLimit) {
		this.queue = new HashingQueue(new HashingProperties(2, 6, 2, 1, waitLimit, Duration.ofSeconds(3)),
				(lane, reason) -> this.refusals.add(lane.label() + ":" + reason));
		return this.queue;
	}

	@Test
	void runWhenLaneHasNoFreeSlotThenRefusedAtOnceWithRetryAfter() throws Exception {
		HashingQueue queue = queue(Duration.ofMinutes(1));
		List<Future<String>> other = occupy(queue, HashingLane.OTHER, 4);

		assertRefused(() -> queue.run(HashingLane.OTHER, () -> "never"), Duration.ofSeconds(3));
		assertThat(this.refusals).containsExactly("other:queue-full");
		assertThat(queue.waiting()).isEqualTo(4);
		this.release.countDown();
		for (Future<String> call : other) {
			assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("done");
		}
		assertThat(queue.waiting()).isZero();
	}

	@Test
	void runWhenOtherLaneFullThenLoginsStillAdmittedUpToTheirReservation() throws Exception {
		HashingQueue queue = queue(Duration.ofMinutes(1));
		occupy(queue, HashingLane.OTHER, 4);
		occupy(queue, HashingLane.LOGIN, 1);

		assertRefused(() -> queue.run(HashingLane.LOGIN, () -> "never"), Duration.ofSeconds(3));
		Future<String> device = this.callers.submit(() -> queue.run(HashingLane.DEVICE_LOGIN, this::held));
		await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == 6);
		assertRefused(() -> queue.run(HashingLane.DEVICE_LOGIN, () -> "never"), Duration.ofSeconds(3));
		assertThat(this.refusals).containsExactly("login:queue-full", "device-login:queue-full");
		this.release.countDown();
		assertThat(device.get(30, TimeUnit.SECONDS)).isEqualTo("done");
	}

	@Test
	void runWhenLoginsFillTheirLaneThenOtherLaneRefused() {
		HashingQueue queue = queue(Duration.ofMinutes(1));
		occupy(queue, HashingLane.LOGIN, 4);

		assertRefused(() -> queue.run(HashingLane.OTHER, () -> "never"), Duration.ofSeconds(3));
	}

	@Test
	void runWhenHashDoesNotStartWithinWaitLimitThenRefusedAndNeverRun() {
		HashingQueue queue = queue(Duration.ofMillis(200));
		occupy(queue, HashingLane.OTHER, 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> queue.hashesStarted() == 2);
		List<String> ran = new CopyOnWriteArrayList<>();

		assertRefused(() -> queue.run(HashingLane.LOGIN, () -> ran.add("late")), Duration.ofSeconds(3));

		assertThat(this.refusals).containsExactly("login:wait-limit");
		assertThat(queue.waiting()).isEqualTo(2);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == 0);
		assertThat(ran).isEmpty();
		assertThat(queue.hashesStarted()).isEqualTo(2);
	}

	@Test
	void runWhenHashStartedBeforeWaitLimitThenWaitsForItsResult() throws Exception {
		HashingQueue queue = queue(Duration.ofMillis(100));
		CountDownLatch running = new CountDownLatch(1);
		Future<String> slow = this.callers.submit(() -> queue.run(HashingLane.LOGIN, () -> {
			running.countDown();
			return held();
		}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> true);

		this.release.countDown();

		assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("done");
		assertThat(this.refusals).isEmpty();
	}

	@Test
	void runWhenHashesWaitThenEarlierLanesStartFirst() throws Exception {
		this.queue = new HashingQueue(new HashingProperties(1, 10, 4, 2, Duration.ofMinutes(1), Duration.ofSeconds(1)),
				(lane, reason) -> this.refusals.add(reason));
		HashingQueue queue = this.queue;
		occupy(queue, HashingLane.OTHER, 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> queue.hashesStarted() == 1);
		List<String> order = new CopyOnWriteArrayList<>();
		List<Future<Boolean>> queued = new ArrayList<>();
		for (HashingLane lane : List.of(HashingLane.OTHER, HashingLane.LOGIN, HashingLane.OTHER,
				HashingLane.DEVICE_LOGIN, HashingLane.LOGIN)) {
			int before = queue.waiting();
			queued.add(this.callers.submit(() -> queue.run(lane, () -> order.add(lane.label()))));
			await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == before + 1);
		}

		this.release.countDown();
		for (Future<Boolean> call : queued) {
			call.get(30, TimeUnit.SECONDS);
		}

		assertThat(order).containsExactly("device-login", "login", "login", "other", "other");
	}

	@Test
	void runWhenHashFailsThenItsExceptionAndTheSlotReturned() {
		HashingQueue queue = queue(Duration.ofMinutes(1));

		for (int i = 0; i < 8; i++) {
			assertThatIllegalStateException().isThrownBy(() -> queue.run(HashingLane.OTHER, () -> {
				throw new IllegalStateException("boom");
			})).withMessage("boom");
		}

		assertThat(queue.waiting()).isZero();
		assertThat(queue.run(HashingLane.OTHER, () -> "fine")).isEqualTo("fine");
	}

	@Test
	void newWhenReservationsDoNotFitThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HashingQueue(
				new HashingProperties(1, 4, 4, 1, Duration.ofSeconds(1), Duration.ofSeconds(1)), (lane, reason) -> {
				}));
		assertThatIllegalArgumentException().isThrownBy(() -> new HashingQueue(
				new HashingProperties(1, 4, 1, 2, Duration.ofSeconds(1), Duration.ofSeconds(1)), (lane, reason) -> {
				}));
	}

	@Test
	void boundedPasswordEncoderWhenArgon2idThenHashesAndVerifiesInItsLane() {
		HashingQueue queue = queue(Duration.ofMinutes(1));
		BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(PasswordHashing.argon2id(), queue,
				HashingLane.OTHER);
		PasswordEncoder login = encoder.inLane(HashingLane.LOGIN);

		String hash = encoder.encode("Blue-Harbor-Lantern-42");

		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(login.matches("Blue-Harbor-Lantern-42", hash)).isTrue();
		assertThat(login.matches("Blue-Harbor-Lantern-43", hash)).isFalse();
		assertThat(queue.hashesStarted()).isEqualTo(3);
	}

	/** Starts {@code count} hashes in {@code lane} that run (or wait) until released. */
	private List<Future<String>> occupy(HashingQueue queue, HashingLane lane, int count) {
		List<Future<String>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int before = queue.waiting();
			calls.add(this.callers.submit(() -> queue.run(lane, this::held)));
			await().atMost(Duration.ofSeconds(10)).until(() -> queue.waiting() == before + 1);
		}
		return calls;
	}

	private String held() throws InterruptedException {
		this.release.await(30, TimeUnit.SECONDS);
		return "done";
	}

	private static void assertRefused(Runnable call, Duration retryAfter) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call::run).satisfies((failure) -> {
			assertThat(failure.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
			assertThat(failure.retryAfter()).isEqualTo(retryAfter);
		});
	}

}
