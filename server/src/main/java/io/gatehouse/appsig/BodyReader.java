package io.gatehouse.appsig;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;

import io.gatehouse.crypto.Sha256;

/**
 * Reads a request body once, hashing every byte for {@code bodySha256} and keeping up to
 * {@code max-body-size} of them for the controller. A larger body is still hashed (so the
 * signature, token and CSRF checks answer before size does, as docs/contract.md §1
 * orders) but not kept: it is only marked too large, and answered 413 at step (5). Beyond
 * {@link #HARD_LIMIT}, reading stops at once: the HTTP layer's refusal.
 */
final class BodyReader {

	/** Where reading stops; matches Tomcat's {@code max-swallow-size}. */
	static final int HARD_LIMIT = 1024 * 1024;

	static final String EMPTY_SHA256 = Base64Url.encode(Sha256.digest(new byte[0]));

	private static final int CHUNK = 8192;

	private BodyReader() {
	}

	/**
	 * The body read.
	 *
	 * @param bytes the body; none when {@code tooLarge}
	 * @param sha256 base64url SHA-256 of every byte
	 * @param tooLarge whether the body exceeds the limit
	 */
	record Body(byte[] bytes, String sha256, boolean tooLarge) {

		static final Body EMPTY = new Body(new byte[0], EMPTY_SHA256, false);

	}

	/** Thrown when the body exceeds {@link #HARD_LIMIT}: 413 at once. */
	static final class BeyondHardLimitException extends IOException {

		BeyondHardLimitException() {
			super("body beyond the hard limit", null);
		}

	}

	static Body read(InputStream in, long contentLength, int keepLimit) throws IOException {
		if (contentLength > HARD_LIMIT) {
			throw new BeyondHardLimitException();
		}
		if (contentLength == 0) {
			return Body.EMPTY;
		}
		// A chunked or HTTP/2 body may turn out empty (an HTTP/1.x request framed without
		// one never gets here): learn that from one byte before allocating buffers.
		int first = in.read();
		if (first == -1) {
			return Body.EMPTY;
		}
		MessageDigest digest = Sha256.newDigest();
		byte[] kept = new byte[(contentLength > 0) ? (int) Math.min(contentLength, keepLimit) : 1024];
		byte[] chunk = new byte[CHUNK];
		chunk[0] = (byte) first;
		long total = 0;
		int read = 1 + Math.max(0, in.read(chunk, 1, CHUNK - 1));
		for (; read != -1; read = in.read(chunk)) {
			total += read;
			if (total > HARD_LIMIT) {
				throw new BeyondHardLimitException();
			}
			digest.update(chunk, 0, read);
			if (total <= keepLimit) {
				if (total > kept.length) {
					kept = Arrays.copyOf(kept, (int) Math.min(keepLimit, Math.max(total, 2L * kept.length)));
				}
				System.arraycopy(chunk, 0, kept, (int) total - read, read);
			}
		}
		String sha256 = Base64Url.encode(digest.digest());
		if (total > keepLimit) {
			return new Body(new byte[0], sha256, true);
		}
		return new Body((total == kept.length) ? kept : Arrays.copyOf(kept, (int) total), sha256, false);
	}

}
