package io.gatehouse.appsig;

import java.time.Duration;

/**
 * Remembers which ({@code kid}, {@code nonce}) pairs were used (docs/contract.md §1: once
 * within 600 s, across all instances). In memory in the embedded default, in Redis
 * ({@code SET NX PX}) in the cluster profile.
 */
public interface NonceStore {

	/**
	 * Records the pair and answers {@code true} if it was not seen within {@code ttl};
	 * {@code false} means a replay.
	 * @throws io.gatehouse.errors.StateUnavailableException when the store cannot answer;
	 * the caller fails closed
	 */
	boolean firstUse(String kid, String nonce, Duration ttl);

}
