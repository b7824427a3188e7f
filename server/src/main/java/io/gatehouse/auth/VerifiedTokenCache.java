package io.gatehouse.auth;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens whose signature and claims were verified, keyed by the token's SHA-256,
 * so a token is verified once rather than on each request. Bounded; an entry lives no
 * longer than its token, and a hit is checked against the clock again, so the cache never
 * extends a token's life. Revocation is not cached: the decoder checks it on every call.
 */
final class VerifiedTokenCache {

	private final Cache<String, Jwt> tokens;

	private final Clock clock;

	VerifiedTokenCache(long maximumSize, Clock clock) {
		this.clock = clock;
		// Caffeine's upkeep on the calling thread: by default it hands it to the common
		// fork-join pool, a thread wake-up every few requests under load
		// (docs/benchmarks.md).
		this.tokens = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(maximumSize)
			.expireAfter(new ExpiresAt<String, Jwt>(clock, Jwt::getExpiresAt))
			.build();
	}

	/** The verified token, or {@code null} when unknown or past its {@code exp}. */
	Jwt get(String sha256) {
		Jwt jwt = this.tokens.getIfPresent(sha256);
		if (jwt == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(jwt.getExpiresAt())) {
			this.tokens.invalidate(sha256);
			return null;
		}
		return jwt;
	}

	void put(String sha256, Jwt jwt) {
		if (this.clock.instant().isBefore(jwt.getExpiresAt())) {
			this.tokens.put(sha256, jwt);
		}
	}

	long size() {
		this.tokens.cleanUp();
		return this.tokens.estimatedSize();
	}

}
