package io.gatehouse.auth;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Session lifecycle settings ({@code gatehouse.sessions.*}); defaults in
 * {@code application.yml}, reasons in docs/security.md.
 *
 * @param maxLifetime the absolute lifetime of a user session, counted from login: no
 * refresh extends it (30 days)
 * @param refreshGrace how long after a rotation the rotated refresh token still answers
 * the same successor, for a lost response or a racing tab (10 s; 0 turns it off)
 * @param purgeInterval how often ended sessions and their refresh tokens are deleted (1
 * h)
 */
@Validated
@ConfigurationProperties("gatehouse.sessions")
public record SessionProperties(@NotNull Duration maxLifetime, @NotNull Duration refreshGrace,
		@NotNull Duration purgeInterval) {

	/**
	 * A grace is for a retry on a flaky network, not a second life for a stolen token.
	 */
	static final Duration MAX_REFRESH_GRACE = Duration.ofSeconds(60);

	public SessionProperties {
		if (maxLifetime != null && (maxLifetime.isNegative() || maxLifetime.isZero())) {
			throw new IllegalArgumentException("gatehouse.sessions.max-lifetime must be positive");
		}
		if (refreshGrace != null && (refreshGrace.isNegative() || refreshGrace.compareTo(MAX_REFRESH_GRACE) > 0)) {
			throw new IllegalArgumentException("gatehouse.sessions.refresh-grace must lie between 0 and 60s");
		}
		if (purgeInterval != null && (purgeInterval.isNegative() || purgeInterval.isZero())) {
			throw new IllegalArgumentException("gatehouse.sessions.purge-interval must be positive");
		}
	}

	/** The moment a session that started at {@code createdAt} ends, whatever happens. */
	Instant endOf(Instant createdAt) {
		return createdAt.plus(this.maxLifetime);
	}

}
