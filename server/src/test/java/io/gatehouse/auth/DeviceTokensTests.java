package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceTokensTests {

	static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T05:00:00Z"));

	final DeviceTokens tokens = new DeviceTokens(KEY, this.clock);

	@Test
	void verifyWhenIssuedForTheUsernameThenTheSameDeviceIdEachTime() {
		String token = this.tokens.issue("fully_active");

		assertThat(token).hasSizeLessThan(DeviceTokens.MAX_LENGTH).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(this.tokens.verify("fully_active", token)).isPresent()
			.isEqualTo(this.tokens.verify("fully_active", token));
		assertThat(this.tokens.verify("fully_active", this.tokens.issue("fully_active")))
			.isNotEqualTo(this.tokens.verify("fully_active", token));
	}

	@Test
	void verifyWhenAnotherUsernameThenNoDevice() {
		String token = this.tokens.issue("fully_active");

		assertThat(this.tokens.verify("bmp_kfayy_6526", token)).isEmpty();
	}

	@Test
	void verifyWhenAnotherKeyThenNoDevice() {
		String token = new DeviceTokens("another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII),
				this.clock)
			.issue("fully_active");

		assertThat(this.tokens.verify("fully_active", token)).isEmpty();
	}

	@Test
	void verifyWhenOlderThanLifetimeThenNoDevice() {
		String token = this.tokens.issue("fully_active");

		this.clock.advance(DeviceTokens.LIFETIME.minusSeconds(1));
		assertThat(this.tokens.verify("fully_active", token)).isPresent();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.tokens.verify("fully_active", token)).isEmpty();
	}

	@Test
	void verifyWhenIssuedInTheFutureThenNoDevice() {
		this.clock.advance(Duration.ofHours(1));
		String token = this.tokens.issue("fully_active");
		this.clock.advance(Duration.ofHours(-1));

		assertThat(this.tokens.verify("fully_active", token)).isEmpty();
	}

	@Test
	void verifyWhenOneBitOfTheBodyChangedThenNoDevice() {
		String token = this.tokens.issue("fully_active");
		byte[] body = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
		body[0] ^= 1;
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(body)
				+ token.substring(token.indexOf('.'));

		assertThat(this.tokens.verify("fully_active", forged)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "no-dot", "a.b", "!!!.???", ".", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",
			"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA" })
	void verifyWhenMalformedThenNoDevice(String token) {
		assertThat(this.tokens.verify("fully_active", token)).isEmpty();
	}

	@Test
	void verifyWhenNoUsernameThenNoDevice() {
		assertThat(this.tokens.verify(null, this.tokens.issue("fully_active"))).isEmpty();
	}

}
