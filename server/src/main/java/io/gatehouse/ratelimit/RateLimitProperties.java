package io.gatehouse.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable limits of docs/contract.md §1 ({@code gatehouse.rate-limits.*});
 * defaults in {@code application.yml}.
 */
@Validated
@ConfigurationProperties("gatehouse.rate-limits")
public record RateLimitProperties(@NotNull @Valid Limit loginFailuresPerUsername,
		@NotNull @Valid Limit loginFailuresPerAddress, @NotNull @Valid Limit guestTokensPerAddress,
		@NotNull @Valid Limit checksPerGuestSession, @NotNull @Valid Limit checksPerUserSession,
		@NotNull @Valid Limit checksPerAddress) {

}
