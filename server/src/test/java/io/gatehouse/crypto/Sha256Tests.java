package io.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

	/** FIPS 180-2, appendix B.1. */
	private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void digestWhenFipsExampleThenItsHash() {
		assertThat(HexFormat.of().formatHex(Sha256.digest(ABC))).isEqualTo(ABC_SHA256);
	}

	@Test
	void newDigestWhenAnotherIsMidwayThenEachHashesOnlyItsOwnInput() {
		MessageDigest midway = Sha256.newDigest();
		midway.update("something else".getBytes(StandardCharsets.US_ASCII));

		MessageDigest fresh = Sha256.newDigest();
		fresh.update(ABC);

		assertThat(fresh).isNotSameAs(midway);
		assertThat(HexFormat.of().formatHex(fresh.digest())).isEqualTo(ABC_SHA256);
		assertThat(Sha256.digest(ABC)).isEqualTo(HexFormat.of().parseHex(ABC_SHA256));
	}

}
