package io.gatehouse.auth;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Ends a session everywhere it counts: the database row (permanent, and reloaded at
 * start) and the revocation store the decoder reads on every request (at once). Its
 * refresh tokens stop working because rotation requires a live session row.
 */
@Component
class SessionRevoker {

	static final String LOGOUT = "logout";

	static final String REFRESH_TOKEN_REUSED = "refresh-token-reused";

	static final String LOGOUT_ALL = "logout-all";

	private final SessionRepository sessions;

	private final RevokedSessionStore revocations;

	private final TokenProperties properties;

	private final Clock clock;

	SessionRevoker(SessionRepository sessions, RevokedSessionStore revocations, TokenProperties properties,
			Clock clock) {
		this.sessions = sessions;
		this.revocations = revocations;
		this.properties = properties;
		this.clock = clock;
	}

	void revoke(String sid, String subject, String scope, String reason) {
		Instant now = this.clock.instant();
		Instant lastTokenMoment = now.plus(this.properties.revocationMemory());
		// The fast store first: if the database then fails, the session is still refused
		// here.
		this.revocations.revoke(sid, lastTokenMoment);
		this.sessions.revoke(sid, subject, scope, reason, now, lastTokenMoment);
	}

}
