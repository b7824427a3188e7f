package io.gatehouse.appsig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed 64-bit fingerprint of a ({@code kid}, {@code nonce}) pair: SipHash-2-4
 * (Aumasson and Bernstein, 2012) under a random 128-bit key drawn once per process and
 * never written anywhere. Without the key nobody can aim two nonces at one fingerprint,
 * so two different pairs share one only by chance: 2^-64 per pair compared. Zero is never
 * returned, so a replay table may use it for an empty slot. Instances that share a replay
 * guard (the cluster profile) must share the key: {@link #derivedFrom(byte[])}.
 */
public final class NonceFingerprint {

	private final long k0;

	private final long k1;

	NonceFingerprint(long k0, long k1) {
		this.k0 = k0;
		this.k1 = k1;
	}

	/** One process's key, drawn at random. */
	public static NonceFingerprint random() {
		SecureRandom random = new SecureRandom();
		return new NonceFingerprint(random.nextLong(), random.nextLong());
	}

	/**
	 * A key every instance derives alike from a secret they share, and which tells
	 * nothing about that secret: HMAC-SHA256(secret, a label of its own).
	 */
	public static NonceFingerprint derivedFrom(byte[] sharedSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(sharedSecret, "HmacSHA256"));
			ByteBuffer key = ByteBuffer
				.wrap(mac.doFinal("gatehouse replay-guard fingerprint key v1".getBytes(StandardCharsets.US_ASCII)));
			return new NonceFingerprint(key.getLong(), key.getLong());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/**
	 * The pair's fingerprint. A nonce is base64url and a kid has no line feed in
	 * practice; the separator keeps ("ab", "c") and ("a", "bc") apart in any case,
	 * because the kid is preceded by its length.
	 */
	public long of(String kid, String nonce) {
		byte[] bytes = new byte[1 + kid.length() * 3 + nonce.length()];
		int length = 0;
		byte[] kidBytes = kid.getBytes(StandardCharsets.UTF_8);
		bytes[length++] = (byte) kidBytes.length;
		System.arraycopy(kidBytes, 0, bytes, length, kidBytes.length);
		length += kidBytes.length;
		for (int i = 0; i < nonce.length(); i++) {
			bytes[length++] = (byte) nonce.charAt(i);
		}
		long hash = sipHash24(bytes, length);
		return (hash != 0) ? hash : 1;
	}

	/**
	 * SipHash-2-4 of the first {@code length} bytes (reference: the paper's appendix A).
	 */
	long sipHash24(byte[] in, int length) {
		long v0 = this.k0 ^ 0x736f6d6570736575L;
		long v1 = this.k1 ^ 0x646f72616e646f6dL;
		long v2 = this.k0 ^ 0x6c7967656e657261L;
		long v3 = this.k1 ^ 0x7465646279746573L;
		int end = length - (length % 8);
		for (int i = 0; i < end; i += 8) {
			long m = littleEndian(in, i, 8);
			v3 ^= m;
			for (int round = 0; round < 2; round++) {
				v0 += v1;
				v1 = Long.rotateLeft(v1, 13);
				v1 ^= v0;
				v0 = Long.rotateLeft(v0, 32);
				v2 += v3;
				v3 = Long.rotateLeft(v3, 16);
				v3 ^= v2;
				v0 += v3;
				v3 = Long.rotateLeft(v3, 21);
				v3 ^= v0;
				v2 += v1;
				v1 = Long.rotateLeft(v1, 17);
				v1 ^= v2;
				v2 = Long.rotateLeft(v2, 32);
			}
			v0 ^= m;
		}
		long last = ((long) length << 56) | littleEndian(in, end, length - end);
		v3 ^= last;
		for (int round = 0; round < 2; round++) {
			v0 += v1;
			v1 = Long.rotateLeft(v1, 13);
			v1 ^= v0;
			v0 = Long.rotateLeft(v0, 32);
			v2 += v3;
			v3 = Long.rotateLeft(v3, 16);
			v3 ^= v2;
			v0 += v3;
			v3 = Long.rotateLeft(v3, 21);
			v3 ^= v0;
			v2 += v1;
			v1 = Long.rotateLeft(v1, 17);
			v1 ^= v2;
			v2 = Long.rotateLeft(v2, 32);
		}
		v0 ^= last;
		v2 ^= 0xff;
		for (int round = 0; round < 4; round++) {
			v0 += v1;
			v1 = Long.rotateLeft(v1, 13);
			v1 ^= v0;
			v0 = Long.rotateLeft(v0, 32);
			v2 += v3;
			v3 = Long.rotateLeft(v3, 16);
			v3 ^= v2;
			v0 += v3;
			v3 = Long.rotateLeft(v3, 21);
			v3 ^= v0;
			v2 += v1;
			v1 = Long.rotateLeft(v1, 17);
			v1 ^= v2;
			v2 = Long.rotateLeft(v2, 32);
		}
		return v0 ^ v1 ^ v2 ^ v3;
	}

	private static long littleEndian(byte[] in, int offset, int count) {
		long value = 0;
		for (int i = count - 1; i >= 0; i--) {
			value = (value << 8) | (in[offset + i] & 0xffL);
		}
		return value;
	}

}
