package io.gatehouse.appsig;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import io.gatehouse.errors.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's replay guard (docs/decisions/0008): keyed 64-bit fingerprints of
 * ({@code kid}, {@code nonce}) in buckets of one second of the signed {@code ts}. A nonce
 * need only be remembered while its {@code ts} is accepted, so a bucket is dropped whole
 * once its second is more than {@code max-clock-skew} old, and memory never holds more
 * than {@code replay-memory} bytes of tables:
 * <ul>
 * <li>At the bound, it forgets the oldest bucket and, in the same step, raises the floor:
 * no {@code ts} of that bucket or below is accepted again (403 request-expired), so no
 * forgotten nonce can pass twice. The floor never rises above
 * {@code now - min-clock-skew}.</li>
 * <li>The future side cannot be dropped that way (time would catch up with the hole), so
 * each bucket more than {@code min-clock-skew} ahead may hold only its share of a quarter
 * of the bound; a full one lowers the ceiling to its start. The ceiling never falls below
 * {@code now + min-clock-skew}.</li>
 * <li>When the oldest bucket already lies within {@code min-clock-skew} of now, it fails
 * closed (503). docs/security.md shows that no request rate this server can reach gets
 * there.</li>
 * </ul>
 */
final class InMemoryNonceStore implements NonceStore {

	static final long BUCKET_MILLIS = 1000;

	/** The part of the bound that buckets far ahead of now may hold together. */
	static final int FUTURE_SHARE_DIVISOR = 4;

	private static final Logger log = LoggerFactory.getLogger(InMemoryNonceStore.class);

	private static final long WARN_EVERY_MILLIS = 60_000;

	private final long maxSkew;

	private final long minSkew;

	private final long maxBytes;

	private final long futureBucketBytes;

	private final Clock clock;

	private final NonceFingerprint fingerprints;

	private final AtomicReferenceArray<FingerprintBucket> ring;

	private final int ringMask;

	private final AtomicLong reserved = new AtomicLong();

	private final LongAdder remembered = new LongAdder();

	/** Drops and sweeps, never held while a stripe is. */
	private final ReentrantLock dropLock = new ReentrantLock();

	/** The lowest bucket index still accepted; only raised, under {@link #dropLock}. */
	private volatile long floorIndex;

	/** The lowest far-future bucket index refused; reset once it is near now. */
	private volatile long ceilingIndex = Long.MAX_VALUE;

	/**
	 * Buckets below this index are swept, and their seconds refused: raised before they
	 * are removed, under {@link #dropLock}.
	 */
	private volatile long sweptBelow;

	private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);

	InMemoryNonceStore(Duration maxSkew, Duration minSkew, long maxBytes, Clock clock) {
		this(maxSkew, minSkew, maxBytes, clock, NonceFingerprint.random());
	}

	InMemoryNonceStore(Duration maxSkew, Duration minSkew, long maxBytes, Clock clock, NonceFingerprint fingerprints) {
		this.maxSkew = maxSkew.toMillis();
		this.minSkew = minSkew.toMillis();
		this.maxBytes = maxBytes;
		this.clock = clock;
		this.fingerprints = fingerprints;
		long futureBuckets = (this.maxSkew - this.minSkew) / BUCKET_MILLIS + 2;
		this.futureBucketBytes = maxBytes / FUTURE_SHARE_DIVISOR / futureBuckets;
		// Room for every bucket of the window, twice over, so no live bucket shares a
		// slot.
		int slots = Integer.highestOneBit((int) (4 * this.maxSkew / BUCKET_MILLIS + 16)) * 2;
		this.ring = new AtomicReferenceArray<>(slots);
		this.ringMask = slots - 1;
		long now = clock.millis();
		this.sweptBelow = Math.floorDiv(now - this.maxSkew, BUCKET_MILLIS);
	}

	@Override
	public Use firstUse(String kid, String nonce, long ts) {
		long now = this.clock.millis();
		if (ts < now - this.maxSkew || ts > now + this.maxSkew) {
			return Use.OUTSIDE_WINDOW;
		}
		sweep(now);
		long index = Math.floorDiv(ts, BUCKET_MILLIS);
		boolean farFuture = index * BUCKET_MILLIS > now + this.minSkew;
		if (index < this.floorIndex || (farFuture && index >= ceiling(now))) {
			return Use.OUTSIDE_WINDOW;
		}
		long fingerprint = this.fingerprints.of(kid, nonce);
		// Each turn round either answers or raised the floor: at most one turn per
		// bucket.
		for (;;) {
			long floorSeen = this.floorIndex;
			FingerprintBucket bucket = bucket(index);
			// After the lookup: a bucket dropped or swept meanwhile raised the floor or
			// the swept mark first, so a bucket made again here for a forgotten second
			// is never used.
			if (bucket == null || index < this.floorIndex || index < this.sweptBelow) {
				return Use.OUTSIDE_WINDOW;
			}
			switch (bucket.add(fingerprint, farFuture ? this.futureBucketBytes : Long.MAX_VALUE, this::reserve)) {
				case FIRST -> {
					this.remembered.increment();
					return Use.FIRST;
				}
				case REPLAYED -> {
					return Use.REPLAYED;
				}
				case DEAD -> {
					return Use.OUTSIDE_WINDOW;
				}
				case BUCKET_FULL -> {
					lowerCeiling(index, now);
					return Use.OUTSIDE_WINDOW;
				}
				case NO_MEMORY -> {
					if (farFuture) {
						lowerCeiling(index, now);
						return Use.OUTSIDE_WINDOW;
					}
					if (!dropOldest(now, floorSeen)) {
						throw full();
					}
				}
			}
		}
	}

	@Override
	public ReplayState state() {
		long now = this.clock.millis();
		long from = Math.max(now - this.maxSkew, this.floorIndex * BUCKET_MILLIS);
		long ceiling = ceiling(now);
		long to = (ceiling == Long.MAX_VALUE) ? now + this.maxSkew
				: Math.min(now + this.maxSkew, ceiling * BUCKET_MILLIS - 1);
		return new ReplayState(this.reserved.get(), this.remembered.sum(), Math.min(0, from - now),
				Math.max(0, to - now));
	}

	private long ceiling(long now) {
		long ceiling = this.ceilingIndex;
		if (ceiling != Long.MAX_VALUE && ceiling * BUCKET_MILLIS <= now + this.minSkew) {
			// Near now its bucket has no cap: the far-future buckets beyond set it again.
			this.ceilingIndex = Long.MAX_VALUE;
			return Long.MAX_VALUE;
		}
		return ceiling;
	}

	private void lowerCeiling(long index, long now) {
		if (index < this.ceilingIndex) {
			this.ceilingIndex = index;
			warn(now, "Replay guard: the buckets ahead of the clock are full; accepting ts up to {} s ahead",
					(index * BUCKET_MILLIS - now) / 1000);
		}
	}

	private boolean reserve(long bytes) {
		long current;
		do {
			current = this.reserved.get();
			if (current + bytes > this.maxBytes) {
				return false;
			}
		}
		while (!this.reserved.compareAndSet(current, current + bytes));
		return true;
	}

	/**
	 * The bucket of {@code index}, made when missing; null when its slot is taken by a
	 * newer one.
	 */
	private FingerprintBucket bucket(long index) {
		int slot = (int) (index & this.ringMask);
		for (;;) {
			FingerprintBucket current = this.ring.get(slot);
			if (current != null && current.index == index) {
				return current;
			}
			if (current != null && current.index > index) {
				return null;
			}
			FingerprintBucket made = new FingerprintBucket(index);
			if (this.ring.compareAndSet(slot, current, made)) {
				if (current != null) {
					release(current.kill());
				}
				return made;
			}
		}
	}

	/** Gives back the buckets whose second is past the skew; once per second at most. */
	private void sweep(long now) {
		long expiredBelow = Math.floorDiv(now - this.maxSkew, BUCKET_MILLIS);
		if (expiredBelow <= this.sweptBelow || !this.dropLock.tryLock()) {
			return;
		}
		try {
			long swept = this.sweptBelow;
			if (expiredBelow <= swept) {
				// Another thread, with a later clock, swept since the check above.
				return;
			}
			long from = Math.max(swept, expiredBelow - this.ring.length());
			// Raised before the buckets go, as dropOldest raises the floor: a thread
			// that read the clock before this one may still reach one of these seconds,
			// and must find its bucket either whole or refused, never made again empty
			// (a replay would pass as a first use).
			this.sweptBelow = expiredBelow;
			for (long index = from; index < expiredBelow; index++) {
				remove(index);
			}
		}
		finally {
			this.dropLock.unlock();
		}
	}

	/**
	 * Forgets the oldest bucket that lies wholly below {@code now - min-clock-skew},
	 * raising the floor above it first. False when there is none.
	 */
	private boolean dropOldest(long now, long floorSeen) {
		this.dropLock.lock();
		try {
			if (this.floorIndex > floorSeen) {
				// Another thread dropped one while this one waited: try again first.
				return true;
			}
			long droppableBelow = Math.floorDiv(now - this.minSkew, BUCKET_MILLIS);
			for (long index = Math.max(this.floorIndex, this.sweptBelow); index < droppableBelow; index++) {
				FingerprintBucket bucket = this.ring.get((int) (index & this.ringMask));
				if (bucket != null && bucket.index == index && bucket.bytes() > 0) {
					this.floorIndex = index + 1;
					remove(index);
					warn(now, "Replay guard at its memory bound ({} bytes): accepting ts from {} s before the clock",
							this.maxBytes, (now - this.floorIndex * BUCKET_MILLIS) / 1000);
					return true;
				}
			}
			return false;
		}
		finally {
			this.dropLock.unlock();
		}
	}

	private static StateUnavailableException full() {
		return new StateUnavailableException("replay memory full of nonces within min-clock-skew of now", null);
	}

	private void remove(long index) {
		int slot = (int) (index & this.ringMask);
		FingerprintBucket bucket = this.ring.get(slot);
		if (bucket != null && bucket.index == index && this.ring.compareAndSet(slot, bucket, null)) {
			release(bucket.kill());
		}
	}

	private void release(long[] freed) {
		this.reserved.addAndGet(-freed[0]);
		this.remembered.add(-freed[1]);
	}

	/** One line a minute at most: a flood would otherwise write one per second. */
	private void warn(long now, String message, Object... arguments) {
		long last = this.lastWarning.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarning.compareAndSet(last, now)) {
			log.warn(message, arguments);
		}
	}

}
