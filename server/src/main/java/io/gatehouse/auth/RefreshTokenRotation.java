package io.gatehouse.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trades a refresh token for new tokens of the same session (RFC 9700 §4.14.2). One
 * transaction marks the presented token used, naming its successor and keeping it sealed
 * ({@link SuccessorSeal}), only if it was unused and unexpired, and stores the successor;
 * of two racing uses the database lets exactly one do that.
 * <p>
 * The same token presented again within the refresh grace (a response lost on a flaky
 * network, a second tab racing the first) answers the same successor and a new access
 * token of the same session. After the grace it is reuse: we cannot tell a client's late
 * retry from a thief's replay, so the whole session is revoked (the successor too).
 * <p>
 * Each rotation also re-reads the account's scope and caps every expiry at the session's
 * absolute end; a session past it, or of a deleted account, refreshes no more.
 */
@Component
class RefreshTokenRotation {

	private final RefreshTokenRepository refreshTokens;

	private final SessionRepository sessions;

	private final AccountScopes scopes;

	private final SessionRevoker revoker;

	private final TokenGrants grants;

	private final TokenProperties properties;

	private final SessionProperties lifetime;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	RefreshTokenRotation(RefreshTokenRepository refreshTokens, SessionRepository sessions, AccountScopes scopes,
			SessionRevoker revoker, TokenGrants grants, TokenProperties properties, SessionProperties lifetime,
			AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.scopes = scopes;
		this.revoker = revoker;
		this.grants = grants;
		this.properties = properties;
		this.lifetime = lifetime;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	TokenResponse rotate(String presented, HttpServletRequest request) {
		String hash = RefreshTokenRepository.hash(presented);
		String successor = RefreshTokenRepository.generate();
		// At the database's precision, so what is compared later is what was stored.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<TokenGrants.LiveSession> rotated = this.transaction.execute((status) -> {
			Optional<TokenGrants.LiveSession> done = tryRotate(presented, hash, successor, now);
			if (done.isEmpty()) {
				status.setRollbackOnly();
			}
			return done;
		});
		if (rotated.isPresent()) {
			TokenGrants.LiveSession session = rotated.get();
			this.audit.record(AuditEventType.REFRESH_ROTATED, request, session.subject(), session.sid(), Map.of());
			return this.grants.refreshed(session, successor, now);
		}
		return answerRotatedAgain(presented, hash, now, request);
	}

	private Optional<TokenGrants.LiveSession> tryRotate(String presented, String hash, String successor, Instant now) {
		String successorHash = RefreshTokenRepository.hash(successor);
		if (!this.refreshTokens.markUsed(hash, successorHash, SuccessorSeal.seal(presented, hash, successor), now)) {
			return Optional.empty();
		}
		String sid = this.refreshTokens.find(hash).orElseThrow().sid();
		Optional<TokenGrants.LiveSession> next = this.sessions.find(sid)
			.filter((session) -> isLive(session, now))
			.flatMap((session) -> this.scopes.current(session.accountId())
				.map((scope) -> new TokenGrants.LiveSession(sid, session.subject(), scope,
						TokenGrants.earlier(now.plus(this.properties.refreshTokenTtl()), end(session)), end(session))));
		next.ifPresent((session) -> {
			this.refreshTokens.insert(successorHash, sid, now, session.refreshExpiresAt());
			this.sessions.extend(sid, session.refreshExpiresAt(), session.scope());
			this.refreshTokens.forgetSuccessors(sid, now.minus(this.lifetime.refreshGrace()));
		});
		return next;
	}

	/**
	 * The presented token was not rotated now: within the grace its successor again,
	 * after it reuse (the session is revoked), and anything else is just refused.
	 */
	private TokenResponse answerRotatedAgain(String presented, String hash, Instant now, HttpServletRequest request) {
		Optional<RefreshTokenRepository.Stored> stored = this.refreshTokens.find(hash);
		if (stored.isEmpty() || stored.get().usedAt() == null) {
			this.audit.record(AuditEventType.REFRESH_REFUSED, request, null,
					stored.map(RefreshTokenRepository.Stored::sid).orElse(null),
					Map.of("reason", "unknown-expired-or-ended"));
			throw new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "unknown, expired or revoked refresh token");
		}
		String sid = stored.get().sid();
		Optional<SessionRepository.Session> session = this.sessions.find(sid);
		if (withinGrace(stored.get(), now)) {
			Optional<String> successor = SuccessorSeal.open(presented, hash, stored.get().successorSealed());
			if (successor.isPresent()) {
				return replay(session, successor.get(), now, request);
			}
		}
		session.ifPresent((revoked) -> this.revoker.revoke(sid, revoked.subject(), revoked.scope(),
				SessionRevoker.REFRESH_TOKEN_REUSED));
		this.audit.record(AuditEventType.REFRESH_REUSE_REVOKED, request,
				session.map(SessionRepository.Session::subject).orElse(null), sid, Map.of());
		throw new ApiException(ErrorCode.REFRESH_TOKEN_REUSED, "refresh token reused; session revoked");
	}

	/**
	 * The successor pair once more: the same refresh token, and a new access token of the
	 * same session, unless the session ended meanwhile (logout, revocation, its end).
	 */
	private TokenResponse replay(Optional<SessionRepository.Session> session, String successor, Instant now,
			HttpServletRequest request) {
		Optional<RefreshTokenRepository.Stored> next = this.refreshTokens.find(RefreshTokenRepository.hash(successor));
		if (session.isEmpty() || !isLive(session.get(), now) || next.isEmpty()) {
			this.audit.record(AuditEventType.REFRESH_REFUSED, request,
					session.map(SessionRepository.Session::subject).orElse(null),
					session.map(SessionRepository.Session::sid).orElse(null), Map.of("reason", "session-ended"));
			throw new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "session ended within the refresh grace");
		}
		SessionRepository.Session live = session.get();
		this.audit.record(AuditEventType.REFRESH_GRACE_REPLAYED, request, live.subject(), live.sid(), Map.of());
		return this.grants.refreshed(new TokenGrants.LiveSession(live.sid(), live.subject(), live.scope(),
				next.get().expiresAt(), end(live)), successor, now);
	}

	private boolean withinGrace(RefreshTokenRepository.Stored stored, Instant now) {
		return stored.successorSealed() != null && now.isBefore(stored.usedAt().plus(this.lifetime.refreshGrace()));
	}

	private boolean isLive(SessionRepository.Session session, Instant now) {
		return session.isActive(now) && now.isBefore(end(session)) && session.accountId() != null;
	}

	private Instant end(SessionRepository.Session session) {
		return this.lifetime.endOf(session.createdAt());
	}

}
