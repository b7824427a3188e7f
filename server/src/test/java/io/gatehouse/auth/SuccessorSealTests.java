package io.gatehouse.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuccessorSealTests {

	final String rotated = RefreshTokenRepository.generate();

	final String hash = RefreshTokenRepository.hash(this.rotated);

	final String successor = RefreshTokenRepository.generate();

	@Test
	void openWhenSameTokenAndRowThenSuccessor() {
		String sealed = SuccessorSeal.seal(this.rotated, this.hash, this.successor);

		assertThat(SuccessorSeal.open(this.rotated, this.hash, sealed)).contains(this.successor);
		assertThat(sealed).doesNotContain(this.successor).hasSizeLessThanOrEqualTo(128);
	}

	@Test
	void sealWhenSameInputTwiceThenDifferentText() {
		assertThat(SuccessorSeal.seal(this.rotated, this.hash, this.successor))
			.isNotEqualTo(SuccessorSeal.seal(this.rotated, this.hash, this.successor));
	}

	@Test
	void openWhenOnlyWhatTheDatabaseHoldsThenNothing() {
		String sealed = SuccessorSeal.seal(this.rotated, this.hash, this.successor);

		// The stored hash is not the key: a database reader cannot open the seal.
		assertThat(SuccessorSeal.open(this.hash, this.hash, sealed)).isEmpty();
		assertThat(SuccessorSeal.open(RefreshTokenRepository.generate(), this.hash, sealed)).isEmpty();
	}

	@Test
	void openWhenMovedToAnotherRowOrAlteredThenNothing() {
		String sealed = SuccessorSeal.seal(this.rotated, this.hash, this.successor);
		// The first character, not the last: the last may carry only base64 padding bits,
		// which decoding ignores.
		String altered = ((sealed.charAt(0) == 'A') ? 'B' : 'A') + sealed.substring(1);

		assertThat(SuccessorSeal.open(this.rotated, RefreshTokenRepository.hash("another"), sealed)).isEmpty();
		assertThat(SuccessorSeal.open(this.rotated, this.hash, altered)).isEmpty();
		assertThat(SuccessorSeal.open(this.rotated, this.hash, "not base64 !")).isEmpty();
		assertThat(SuccessorSeal.open(this.rotated, this.hash, "")).isEmpty();
	}

}
