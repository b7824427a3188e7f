package io.gatehouse.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void emailWhenMaskedThenOnlyTwoLettersAndTheDomainRemain() {
		assertThat(Masking.email("testuserbmp@yopmail.com")).isEqualTo("te****@yopmail.com");
		assertThat(Masking.email("a@b.c")).isEqualTo("a****@b.c");
		assertThat(Masking.email("not-an-email")).isEqualTo("****");
	}

	@Test
	void phoneWhenMaskedThenOnlyTheEndsRemain() {
		assertThat(Masking.phone("+923185456266")).isEqualTo("+92*******266");
		assertThat(Masking.phone("+1234")).isEqualTo("****");
	}

}
