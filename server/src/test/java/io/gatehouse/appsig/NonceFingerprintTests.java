package io.gatehouse.appsig;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonceFingerprintTests {

	/**
	 * The reference vector of the SipHash paper (appendix A): key 00..0f, message 00..0e.
	 */
	@Test
	void sipHash24WhenReferenceVectorThenPaperOutput() {
		NonceFingerprint siphash = new NonceFingerprint(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);
		byte[] message = new byte[15];
		for (int i = 0; i < message.length; i++) {
			message[i] = (byte) i;
		}
		assertThat(siphash.sipHash24(message, 15)).isEqualTo(0xa129ca6149be45e5L);
	}

	@Test
	void ofWhenKidOrNonceDiffersThenDifferentAndNeverZero() {
		NonceFingerprint fingerprints = NonceFingerprint.random();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			long fingerprint = fingerprints.of("web-demo", "nonce-" + i);
			assertThat(fingerprint).isNotZero();
			seen.add(fingerprint);
		}
		seen.add(fingerprints.of("web-demo-x", "nonce-1"));
		seen.add(fingerprints.of("web-dem", "once-1"));
		assertThat(seen).hasSize(100_002);
	}

	@Test
	void ofWhenOtherKeyThenOtherFingerprint() {
		assertThat(NonceFingerprint.random().of("web-demo", "n"))
			.isNotEqualTo(NonceFingerprint.random().of("web-demo", "n"));
	}

	@Test
	void derivedFromWhenSameSecretThenSameFingerprintOnEveryInstance() {
		byte[] secret = new byte[32];
		assertThat(NonceFingerprint.derivedFrom(secret).of("web-demo", "n"))
			.isEqualTo(NonceFingerprint.derivedFrom(secret.clone()).of("web-demo", "n"))
			.isNotEqualTo(NonceFingerprint.derivedFrom(new byte[] { 1 }).of("web-demo", "n"));
	}

}
