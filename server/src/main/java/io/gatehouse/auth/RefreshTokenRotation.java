package io.gatehouse.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trades a refresh token for new tokens of the same session (RFC 9700 §4.14.2). One
 * transaction marks the presented token used, naming its successor, only if it was unused
 * and unexpired, and stores the successor; of two racing uses the database lets exactly
 * one do that. Any other use of a token that was used before is reuse, even a concurrent
 * duplicate a millisecond later: we cannot tell a client's double send from a thief's
 * replay, so the whole session is revoked (the winner's new tokens too).
 */
@Component
class RefreshTokenRotation {

	private final RefreshTokenRepository refreshTokens;

	private final SessionRepository sessions;

	private final SessionRevoker revoker;

	private final TokenGrants grants;

	private final TokenProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	RefreshTokenRotation(RefreshTokenRepository refreshTokens, SessionRepository sessions, SessionRevoker revoker,
			TokenGrants grants, TokenProperties properties, Clock clock, PlatformTransactionManager transactions) {
		this.refreshTokens = refreshTokens;
		this.sessions = sessions;
		this.revoker = revoker;
		this.grants = grants;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	TokenResponse rotate(String presented) {
		String hash = RefreshTokenRepository.hash(presented);
		String successor = RefreshTokenRepository.generate();
		Instant now = this.clock.instant();
		Optional<SessionRepository.Session> session = this.transaction.execute((status) -> {
			Optional<SessionRepository.Session> rotated = tryRotate(hash, successor, now);
			if (rotated.isEmpty()) {
				status.setRollbackOnly();
			}
			return rotated;
		});
		if (session.isPresent()) {
			return this.grants.refreshed(session.get(), successor);
		}
		throw refusal(hash);
	}

	private Optional<SessionRepository.Session> tryRotate(String hash, String successor, Instant now) {
		if (!this.refreshTokens.markUsed(hash, RefreshTokenRepository.hash(successor), now)) {
			return Optional.empty();
		}
		String sid = this.refreshTokens.find(hash).orElseThrow().sid();
		Optional<SessionRepository.Session> session = this.sessions.find(sid).filter((s) -> s.isActive(now));
		if (session.isPresent()) {
			Instant expiresAt = now.plus(this.properties.refreshTokenTtl());
			this.refreshTokens.insert(RefreshTokenRepository.hash(successor), sid, now, expiresAt);
			this.sessions.extend(sid, expiresAt);
		}
		return session;
	}

	/** Reuse of a used token revokes its session; anything else is just refused. */
	private ApiException refusal(String hash) {
		Optional<RefreshTokenRepository.Stored> stored = this.refreshTokens.find(hash);
		if (stored.isEmpty() || stored.get().usedAt() == null) {
			return new ApiException(ErrorCode.INVALID_REFRESH_TOKEN, "unknown, expired or revoked refresh token");
		}
		String sid = stored.get().sid();
		this.sessions.find(sid)
			.ifPresent((session) -> this.revoker.revoke(sid, session.subject(), session.scope(),
					SessionRevoker.REFRESH_TOKEN_REUSED));
		return new ApiException(ErrorCode.REFRESH_TOKEN_REUSED, "refresh token reused; session revoked");
	}

}
