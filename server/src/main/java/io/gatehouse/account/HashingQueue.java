package io.gatehouse.account;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;

/**
 * Runs password hashes on threads of its own (one per core: a hash is CPU-bound, and each
 * Argon2id hash holds 19 MiB while it runs), so the number of hashes at once, and their
 * memory, is fixed whatever the load.
 * <p>
 * Request threads wait for their hash, but only a few at once
 * ({@code maxWaitingRequests}) and only so long ({@code waitLimit}) for it to start: past
 * either, the request is answered 503 {@code service-unavailable} with
 * {@code Retry-After} at once, and its thread goes back to Tomcat. A flood of hashes
 * therefore parks at most that many of Tomcat's threads; everything that does not hash
 * (health probes, the username check, CSRF, refresh) never waits behind one.
 * <p>
 * Lanes keep logins going during a flood of registrations or PIN changes: a lane is
 * admitted only while the slots reserved for the lanes before it stay free, and a waiting
 * hash of an earlier lane starts before any of a later one.
 */
public final class HashingQueue implements AutoCloseable {

	/** Why a hash was refused, as audit events name it. */
	public static final String QUEUE_FULL = "queue-full";

	public static final String WAIT_LIMIT = "wait-limit";

	private final ThreadPoolExecutor pool;

	private final Map<HashingLane, Integer> admissionCaps = new EnumMap<>(HashingLane.class);

	private final Duration waitLimit;

	private final Duration retryAfter;

	private final OverloadListener listener;

	private final AtomicLong arrivals = new AtomicLong();

	private final AtomicLong started = new AtomicLong();

	private int waiting;

	public HashingQueue(HashingProperties properties, OverloadListener listener) {
		if (properties.reservedForDeviceLogins() > properties.reservedForLogins()
				|| properties.reservedForLogins() >= properties.maxWaitingRequests()) {
			throw new IllegalArgumentException(
					"need reserved-for-device-logins <= reserved-for-logins < max-waiting-requests");
		}
		int threads = properties.effectiveThreads();
		AtomicInteger names = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(),
				(task) -> {
					Thread thread = new Thread(task, "password-hashing-" + names.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		// Started now, so every task passes through the priority queue.
		this.pool.prestartAllCoreThreads();
		this.admissionCaps.put(HashingLane.DEVICE_LOGIN, properties.maxWaitingRequests());
		this.admissionCaps.put(HashingLane.LOGIN,
				properties.maxWaitingRequests() - properties.reservedForDeviceLogins());
		this.admissionCaps.put(HashingLane.OTHER, properties.maxWaitingRequests() - properties.reservedForLogins());
		this.waitLimit = properties.waitLimit();
		this.retryAfter = properties.retryAfter();
		this.listener = listener;
	}

	/**
	 * Runs {@code hashing} on a hashing thread and answers its result.
	 * @throws ApiException 503 {@code service-unavailable} with {@code Retry-After} when
	 * the lane has no free slot or the hash did not start within the wait limit
	 */
	public <T> T run(HashingLane lane, Callable<T> hashing) {
		if (!admit(lane)) {
			throw overloaded(lane, QUEUE_FULL);
		}
		try {
			return await(lane, submit(lane, hashing));
		}
		finally {
			leave();
		}
	}

	/** Hashes started since the queue was made. */
	public long hashesStarted() {
		return this.started.get();
	}

	/** Request threads waiting for a hash now (queued or running). */
	public synchronized int waiting() {
		return this.waiting;
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

	private synchronized boolean admit(HashingLane lane) {
		if (this.waiting >= this.admissionCaps.get(lane)) {
			return false;
		}
		this.waiting++;
		return true;
	}

	private synchronized void leave() {
		this.waiting--;
	}

	private <T> Hash<T> submit(HashingLane lane, Callable<T> hashing) {
		Callable<T> counted = () -> {
			this.started.incrementAndGet();
			return hashing.call();
		};
		Hash<T> hash = new Hash<>(counted, lane.ordinal(), this.arrivals.incrementAndGet());
		try {
			this.pool.execute(hash);
		}
		catch (RejectedExecutionException ex) {
			// Only after close(): the application is stopping.
			throw overloaded(lane, QUEUE_FULL);
		}
		return hash;
	}

	private <T> T await(HashingLane lane, Hash<T> hash) {
		try {
			try {
				return hash.get(this.waitLimit.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				if (hash.withdraw()) {
					this.pool.remove(hash);
					throw overloaded(lane, WAIT_LIMIT);
				}
				// It started in time; a hash ends in bounded time, so wait for it.
				return hash.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			hash.withdraw();
			this.pool.remove(hash);
			throw overloaded(lane, WAIT_LIMIT);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private ApiException overloaded(HashingLane lane, String reason) {
		this.listener.overloaded(lane, reason);
		return ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, this.retryAfter);
	}

	/** Told of every refused hash, for the audit trail. */
	@FunctionalInterface
	public interface OverloadListener {

		void overloaded(HashingLane lane, String reason);

	}

	/**
	 * A queued hash: earlier lanes first, then first come, first served. Whoever claims
	 * it first, the hashing thread (to run it) or the waiting request (to give up), wins.
	 */
	private static final class Hash<T> extends FutureTask<T> implements Comparable<Hash<?>> {

		private final int lane;

		private final long arrival;

		private final AtomicBoolean claimed = new AtomicBoolean();

		Hash(Callable<T> hashing, int lane, long arrival) {
			super(hashing);
			this.lane = lane;
			this.arrival = arrival;
		}

		@Override
		public void run() {
			if (this.claimed.compareAndSet(false, true)) {
				super.run();
			}
		}

		/** True when the hash had not started and now never will. */
		boolean withdraw() {
			return this.claimed.compareAndSet(false, true);
		}

		@Override
		public int compareTo(Hash<?> other) {
			int byLane = Integer.compare(this.lane, other.lane);
			return (byLane != 0) ? byLane : Long.compare(this.arrival, other.arrival);
		}

	}

}
