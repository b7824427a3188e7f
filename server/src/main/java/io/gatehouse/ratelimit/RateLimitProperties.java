package io.gatehouse.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable limits of docs/contract.md §1 ({@code gatehouse.rate-limits.*});
 * defaults in {@code application.yml}.
 *
 * @param loginFailuresPerUsername failures per username alone, counted and enforced only
 * for logins without a valid device token: the user's own device is never refused by it
 * @param loginFailuresPerUsernameAndAddress failures per (username, client address); a
 * success clears it
 * @param loginFailuresPerDevice failures per device token; once used up, the device's
 * logins count as if it had sent none
 */
@Validated
@ConfigurationProperties("gatehouse.rate-limits")
public record RateLimitProperties(@NotNull @Valid Limit loginFailuresPerUsername,
		@NotNull @Valid Limit loginFailuresPerUsernameAndAddress, @NotNull @Valid Limit loginFailuresPerAddress,
		@NotNull @Valid Limit loginFailuresPerDevice, @NotNull @Valid Limit guestTokensPerAddress,
		@NotNull @Valid Limit registrationsPerSession, @NotNull @Valid Limit registrationsPerAddress,
		@NotNull @Valid Limit checksPerGuestSession, @NotNull @Valid Limit checksPerUserSession,
		@NotNull @Valid Limit checksPerAddress, @NotNull @Valid Limit pinFailuresPerUser) {

	/**
	 * The longest period of any limit: a bucket idle that long is full again, so an
	 * in-memory store may forget it.
	 */
	public Duration longestPeriod() {
		return Stream
			.of(this.loginFailuresPerUsername, this.loginFailuresPerUsernameAndAddress, this.loginFailuresPerAddress,
					this.loginFailuresPerDevice, this.guestTokensPerAddress, this.registrationsPerSession,
					this.registrationsPerAddress, this.checksPerGuestSession, this.checksPerUserSession,
					this.checksPerAddress, this.pinFailuresPerUser)
			.map(Limit::period)
			.max(Comparable::compareTo)
			.orElseThrow();
	}

}
