package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the successor of a rotated refresh token so that only the holder of the rotated
 * token can read it back: AES-256-GCM under a key derived from the rotated token
 * (HMAC-SHA256 keyed by the token, over a fixed label, so the key is not the stored
 * SHA-256 of the token), with the row's token hash as associated data. The database holds
 * the hash of the rotated token and this sealed text, and neither opens the other.
 * Format: base64url(12-byte IV || ciphertext || 16-byte tag).
 */
final class SuccessorSeal {

	private static final byte[] LABEL = "gatehouse refresh successor v1".getBytes(StandardCharsets.US_ASCII);

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private SuccessorSeal() {
	}

	static String seal(String rotatedToken, String rotatedHash, String successor) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, rotatedToken, rotatedHash, iv);
			byte[] sealed = cipher.doFinal(successor.getBytes(StandardCharsets.US_ASCII));
			byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is always present", ex);
		}
	}

	/** The successor, or empty when the text was not sealed for this token and row. */
	static Optional<String> open(String rotatedToken, String rotatedHash, String sealed) {
		try {
			byte[] in = Base64.getUrlDecoder().decode(sealed);
			if (in.length <= IV_BYTES) {
				return Optional.empty();
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, rotatedToken, rotatedHash, Arrays.copyOf(in, IV_BYTES));
			byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
			return Optional.of(new String(plain, StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Cipher cipher(int mode, String token, String hash, byte[] iv) throws GeneralSecurityException {
		Mac kdf = Mac.getInstance("HmacSHA256");
		kdf.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] key = kdf.doFinal(LABEL);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(hash.getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

}
