package io.gatehouse.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one key, with one keyed {@link Mac} per thread: a Mac is not
 * thread-safe, and {@code Mac.getInstance} plus {@code init} on every request cost more
 * than the HMAC itself (docs/benchmarks.md). {@code doFinal} leaves the Mac ready for the
 * next input. The app signatures and the CSRF tokens both sign on every request.
 */
public final class HmacSha256 {

	private static final String ALGORITHM = "HmacSHA256";

	private final ThreadLocal<Mac> macs;

	public HmacSha256(byte[] key) {
		SecretKeySpec spec = new SecretKeySpec(key, ALGORITHM);
		// Keyed once here, so a key the JDK refuses fails at start-up, not on a request.
		newMac(spec);
		this.macs = ThreadLocal.withInitial(() -> newMac(spec));
	}

	/** The 32-byte HMAC of {@code input}. */
	public byte[] mac(byte[] input) {
		return this.macs.get().doFinal(input);
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
