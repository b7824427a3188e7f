package io.gatehouse.appsig;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The fingerprints of every nonce whose {@code ts} fell in one bucket (one second of
 * {@code ts}): open-addressing sets of {@code long}s with linear probing, one per stripe
 * (chosen by the fingerprint's top bits) so that request threads rarely wait on each
 * other, each doubled at load 3/4. A nonce costs 8 bytes at load 1, so between 10.7 and
 * 21.3 bytes with that rule. Every byte a table grows by is first reserved from the
 * store's budget; {@link #kill()} gives them all back at once, and a killed bucket
 * accepts nothing more.
 */
final class FingerprintBucket {

	static final int STRIPES = 8;

	private static final int INITIAL_SLOTS = 4;

	/** What one table costs: its slots and the array header. */
	static long tableBytes(int slots) {
		return 16 + 8L * slots;
	}

	/** Reserves memory from the store's bound; false when none is left. */
	interface Budget {

		boolean reserve(long bytes);

	}

	enum Added {

		FIRST, REPLAYED, DEAD, BUCKET_FULL, NO_MEMORY

	}

	final long index;

	private final Stripe[] stripes = new Stripe[STRIPES];

	private final AtomicLong bytes = new AtomicLong();

	FingerprintBucket(long index) {
		this.index = index;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Adds a fingerprint (never 0) unless present.
	 * @param maxBytes what this bucket's tables may grow to
	 */
	Added add(long fingerprint, long maxBytes, Budget budget) {
		Stripe stripe = this.stripes[(int) (fingerprint >>> 61)];
		synchronized (stripe) {
			if (stripe.dead) {
				return Added.DEAD;
			}
			if (stripe.table != null && contains(stripe.table, fingerprint)) {
				return Added.REPLAYED;
			}
			if (stripe.table == null || (stripe.size + 1) * 4L > stripe.table.length * 3L) {
				int slots = (stripe.table == null) ? INITIAL_SLOTS : stripe.table.length * 2;
				long grown = tableBytes(slots) - ((stripe.table != null) ? tableBytes(stripe.table.length) : 0);
				if (this.bytes.get() + grown > maxBytes) {
					return Added.BUCKET_FULL;
				}
				if (!budget.reserve(grown)) {
					return Added.NO_MEMORY;
				}
				this.bytes.addAndGet(grown);
				stripe.table = rehash(stripe.table, slots);
			}
			insert(stripe.table, fingerprint);
			stripe.size++;
			return Added.FIRST;
		}
	}

	/**
	 * Marks every stripe dead and answers what they held, so the store can give it back:
	 * {@code [bytes, nonces]}. A thread that held a stripe before this finished its add
	 * first; every later add answers {@link Added#DEAD}.
	 */
	long[] kill() {
		long freedBytes = 0;
		long freedNonces = 0;
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				if (!stripe.dead && stripe.table != null) {
					freedBytes += tableBytes(stripe.table.length);
					freedNonces += stripe.size;
				}
				stripe.dead = true;
				stripe.table = null;
			}
		}
		return new long[] { freedBytes, freedNonces };
	}

	long bytes() {
		return this.bytes.get();
	}

	private static boolean contains(long[] table, long fingerprint) {
		int mask = table.length - 1;
		for (int i = slot(fingerprint, mask);; i = (i + 1) & mask) {
			long slot = table[i];
			if (slot == fingerprint) {
				return true;
			}
			if (slot == 0) {
				return false;
			}
		}
	}

	private static void insert(long[] table, long fingerprint) {
		int mask = table.length - 1;
		int i = slot(fingerprint, mask);
		while (table[i] != 0) {
			i = (i + 1) & mask;
		}
		table[i] = fingerprint;
	}

	/** The low bits: the top three chose the stripe. */
	private static int slot(long fingerprint, int mask) {
		return (int) fingerprint & mask;
	}

	private static long[] rehash(long[] old, int slots) {
		long[] table = new long[slots];
		if (old != null) {
			for (long fingerprint : old) {
				if (fingerprint != 0) {
					insert(table, fingerprint);
				}
			}
		}
		return table;
	}

	private static final class Stripe {

		long[] table;

		int size;

		boolean dead;

	}

}
