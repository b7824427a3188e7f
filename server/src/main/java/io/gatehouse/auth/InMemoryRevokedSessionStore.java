package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Revoked sessions of this instance, each remembered until the last moment a token of the
 * session could be accepted. At start it reloads the sessions revoked within that window
 * from the database, so a restart forgets no revocation. The bound is far above the
 * revocations one window can hold (logouts and reuse detections of 16 minutes).
 */
@Component
@Profile("!cluster")
final class InMemoryRevokedSessionStore implements RevokedSessionStore {

	static final long MAX_ENTRIES = 1_000_000;

	private static final Logger log = LoggerFactory.getLogger(InMemoryRevokedSessionStore.class);

	private final Cache<String, Instant> revoked;

	private final Clock clock;

	@Autowired
	InMemoryRevokedSessionStore(SessionRepository sessions, TokenProperties properties, Clock clock) {
		this(clock);
		Duration memory = properties.revocationMemory();
		var recent = sessions.revokedSince(clock.instant().minus(memory));
		recent.forEach((session) -> revoke(session.sid(), session.revokedAt().plus(memory)));
		if (!recent.isEmpty()) {
			log.info("Reloaded {} recent session revocations", recent.size());
		}
	}

	InMemoryRevokedSessionStore(Clock clock) {
		this.clock = clock;
		// Upkeep on the calling thread, as in VerifiedTokenCache.
		this.revoked = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(MAX_ENTRIES)
			.expireAfter(new ExpiresAt<String, Instant>(clock, (until) -> until))
			.build();
	}

	@Override
	public void revoke(String sid, Instant until) {
		if (this.clock.instant().isBefore(until)) {
			this.revoked.asMap().merge(sid, until, (old, given) -> old.isAfter(given) ? old : given);
		}
	}

	@Override
	public boolean isRevoked(String sid) {
		Instant until = this.revoked.getIfPresent(sid);
		return until != null && this.clock.instant().isBefore(until);
	}

}
