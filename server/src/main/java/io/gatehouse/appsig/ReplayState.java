package io.gatehouse.appsig;

/**
 * A replay guard's state at one moment.
 *
 * @param bytes memory held for remembered nonces (fingerprint tables, or Redis's count of
 * fingerprints times their size)
 * @param nonces nonces remembered
 * @param acceptedFromMillis the oldest {@code ts} accepted, relative to now (zero or
 * negative)
 * @param acceptedToMillis the newest {@code ts} accepted, relative to now (zero or
 * positive)
 */
public record ReplayState(long bytes, long nonces, long acceptedFromMillis, long acceptedToMillis) {

	/** Bytes per remembered nonce, or 0 when none is remembered. */
	public double bytesPerNonce() {
		return (this.nonces > 0) ? (double) this.bytes / this.nonces : 0;
	}

}
