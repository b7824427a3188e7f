package io.gatehouse.crypto;

import java.security.GeneralSecurityException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, from a pool of keyed {@link Mac}s: a Mac is not thread-safe,
 * and {@code Mac.getInstance} plus {@code init} on every request cost more than the HMAC
 * itself (docs/benchmarks.md). {@code doFinal} leaves a Mac ready for the next input. The
 * app signatures and the CSRF tokens both sign on every request.
 *
 * <p>
 * A pool, not one Mac per thread: with virtual threads every request runs on a new
 * thread, which would key a new Mac each time. A Mac is taken only while {@code doFinal}
 * runs, which never blocks, so the pool holds about as many Macs as threads sign at once.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Queue<Mac> idle = new ConcurrentLinkedQueue<>();

	public HmacSha256(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
		// Keyed once here, so a key the JDK refuses fails at start-up, not on a request.
		this.idle.add(newMac(this.key));
	}

	/** The 32-byte HMAC of {@code input}. */
	public byte[] mac(byte[] input) {
		Mac mac = this.idle.poll();
		if (mac == null) {
			mac = newMac(this.key);
		}
		byte[] result = mac.doFinal(input);
		this.idle.add(mac);
		return result;
	}

	/** How many keyed Macs the pool holds now (none is in use between calls). */
	int pooledMacs() {
		return this.idle.size();
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** Never the key. */
	@Override
	public String toString() {
		return "HmacSha256[key hidden]";
	}

}
