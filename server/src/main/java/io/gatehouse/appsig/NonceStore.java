package io.gatehouse.appsig;

/**
 * Remembers which ({@code kid}, {@code nonce}) pairs were used while their signed
 * {@code ts} is still accepted (docs/contract.md §1). In memory in the embedded default
 * ({@link InMemoryNonceStore}), in Redis in the cluster profile. Both hold bounded
 * memory: at the bound they narrow the accepted {@code ts} window rather than forget a
 * nonce whose {@code ts} would still pass, so a replay is never accepted.
 */
public interface NonceStore {

	/**
	 * Records the pair under its {@code ts}.
	 * @param ts the signed payload's {@code ts}, already checked against the configured
	 * clock skew
	 * @return whether it was the first use, a replay, or a {@code ts} outside the window
	 * the store accepts right now
	 * @throws io.gatehouse.errors.StateUnavailableException when the store cannot answer;
	 * the caller fails closed
	 */
	Use firstUse(String kid, String nonce, long ts);

	/** What the store holds and accepts now, for metrics and the flood benchmark. */
	ReplayState state();

	/** The answer for one nonce. */
	enum Use {

		/** Not seen before: remembered now, the request goes on. */
		FIRST,

		/** Seen before with a {@code ts} of the same window: 403 request-replayed. */
		REPLAYED,

		/**
		 * {@code ts} lies outside the window, narrowed at the memory bound: 403
		 * request-expired.
		 */
		OUTSIDE_WINDOW

	}

}
