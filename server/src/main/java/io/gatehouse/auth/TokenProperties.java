package io.gatehouse.auth;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token settings ({@code gatehouse.tokens.*}); defaults in {@code application.yml}.
 *
 * @param issuer the {@code iss} of every access token, and the only one accepted
 * @param audience the {@code aud} of every access token, and the only one accepted
 * @param accessTokenTtl how long an access token lives (15 min)
 * @param refreshTokenTtl how long an unused refresh token lives (30 days)
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat} (at most 60 s)
 * @param signingKeys a JWK set file of RSA keys: the first signs, all verify
 * @param generateMissingKeys whether to create the file when it is missing (never in
 * prod)
 * @param verifiedTokenCacheSize how many verified tokens to remember
 */
@Validated
@ConfigurationProperties("gatehouse.tokens")
public record TokenProperties(@NotBlank String issuer, @NotBlank String audience, @NotNull Duration accessTokenTtl,
		@NotNull Duration refreshTokenTtl, @NotNull Duration clockSkew, @NotNull Path signingKeys,
		boolean generateMissingKeys, @Positive long verifiedTokenCacheSize) {

	static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

	public TokenProperties {
		if (clockSkew != null && (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0)) {
			throw new IllegalArgumentException("gatehouse.tokens.clock-skew must lie between 0 and 60s");
		}
		if (accessTokenTtl != null && (accessTokenTtl.isNegative() || accessTokenTtl.isZero())) {
			throw new IllegalArgumentException("gatehouse.tokens.access-token-ttl must be positive");
		}
		if (refreshTokenTtl != null && (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero())) {
			throw new IllegalArgumentException("gatehouse.tokens.refresh-token-ttl must be positive");
		}
	}

	/**
	 * The last moment a token issued now can still be accepted: how long a revocation
	 * must be remembered.
	 */
	public Duration revocationMemory() {
		return this.accessTokenTtl.plus(this.clockSkew);
	}

}
