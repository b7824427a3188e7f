package io.gatehouse.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conditional UPDATE that makes rotation atomic, on the real database: while one
 * transaction holds a token it marked used, a second use waits for it and then finds the
 * token used, never "unused".
 */
@IntegrationTest
class RefreshTokenRepositoryIntegrationTests {

	@Autowired
	RefreshTokenRepository refreshTokens;

	@Autowired
	SessionRepository sessions;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void markUsedWhenSecondUseRacesAnOpenFirstThenSecondWaitsAndSeesItUsed() throws Exception {
		Instant now = Instant.now();
		String sid = TokenGrants.newSessionId();
		this.sessions.insertUserSession(sid, 1, "bmp_kfayy_6526", "user", now, now.plus(Duration.ofDays(1)));
		String hash = RefreshTokenRepository.hash(RefreshTokenRepository.generate());
		this.refreshTokens.insert(hash, sid, now, now.plus(Duration.ofDays(1)));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		// Two threads of our own: the common pool may have a single worker, which the
		// first
		// use holds while it waits, and then the second would never start.
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			race(hash, now, transaction, threads);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void race(String hash, Instant now, TransactionTemplate transaction, ExecutorService threads)
			throws Exception {
		CountDownLatch firstMarked = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		AtomicReference<Thread> secondThread = new AtomicReference<>();
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transaction.execute((status) -> {
			boolean won = this.refreshTokens.markUsed(hash, "successor-1", null, now);
			firstMarked.countDown();
			awaitLatch(releaseFirst);
			return won;
		}), threads);
		assertThat(firstMarked.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Optional<RefreshTokenRepository.Stored>> second = CompletableFuture.supplyAsync(() -> {
			secondThread.set(Thread.currentThread());
			boolean won = this.refreshTokens.markUsed(hash, "successor-2", null, now);
			return won ? Optional.empty() : this.refreshTokens.find(hash);
		}, threads);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> secondThread.get() != null && secondThread.get().getState() != Thread.State.RUNNABLE);
		releaseFirst.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		Optional<RefreshTokenRepository.Stored> seenBySecond = second.get(10, TimeUnit.SECONDS);
		assertThat(seenBySecond).isPresent();
		assertThat(seenBySecond.get().usedAt()).isNotNull();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
