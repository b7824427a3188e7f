package io.gatehouse.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, cloned from one digest made at start-up: {@code MessageDigest.getInstance}
 * looks the algorithm up in the providers on every call, which cost more than hashing an
 * access token, and every signed request hashes one for {@code ath} (docs/benchmarks.md).
 * The prototype is never updated, so cloning it from many threads at once is safe.
 */
public final class Sha256 {

	private static final String ALGORITHM = "SHA-256";

	private static final MessageDigest PROTOTYPE = newInstance();

	private static final boolean CLONEABLE = isCloneable();

	private Sha256() {
	}

	/** A fresh digest, for input fed in parts. */
	public static MessageDigest newDigest() {
		if (!CLONEABLE) {
			return newInstance();
		}
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 cloned once at start-up but not now", ex);
		}
	}

	/** The 32-byte SHA-256 of {@code input}. */
	public static byte[] digest(byte[] input) {
		return newDigest().digest(input);
	}

	/**
	 * A provider may refuse to clone (some FIPS providers do): then a lookup per digest.
	 */
	private static boolean isCloneable() {
		try {
			PROTOTYPE.clone();
			return true;
		}
		catch (CloneNotSupportedException ex) {
			return false;
		}
	}

	private static MessageDigest newInstance() {
		try {
			return MessageDigest.getInstance(ALGORITHM);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
