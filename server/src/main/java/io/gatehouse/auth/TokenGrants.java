package io.gatehouse.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import io.gatehouse.account.Account;
import io.gatehouse.audit.AuditEventType;
import io.gatehouse.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts sessions and answers the token response of each grant: a guest session (no row,
 * no refresh token), a user session (a row and its first refresh token), and the tokens
 * of a session whose refresh token was just rotated. No token of a user session outlives
 * the session's absolute end ({@link SessionProperties#maxLifetime()}). Counts every
 * grant; a guest session, which leaves no row, leaves its audit event here.
 */
@Component
class TokenGrants {

	static final String METRIC = "gatehouse.tokens.issued";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessTokenIssuer issuer;

	private final SessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final TokenProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final SessionProperties lifetime;

	TokenGrants(AccessTokenIssuer issuer, SessionRepository sessions, RefreshTokenRepository refreshTokens,
			TokenProperties properties, SessionProperties lifetime, Clock clock, MeterRegistry meters,
			PlatformTransactionManager transactions, AuditLog audit) {
		this.issuer = issuer;
		this.lifetime = lifetime;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
	}

	TokenResponse guest(HttpServletRequest request) {
		String sid = newSessionId();
		String accessToken = this.issuer.issue(Caller.GUEST_PREFIX + sid, sid, Caller.GUEST_SCOPE);
		count("guest");
		this.audit.record(AuditEventType.GUEST_SESSION_STARTED, request, Caller.GUEST_PREFIX + sid, sid, Map.of());
		return new TokenResponse(accessToken, TokenResponse.BEARER, this.issuer.expiresInSeconds(), null, null,
				Caller.GUEST_SCOPE);
	}

	TokenResponse password(Account account) {
		String sid = newSessionId();
		String refreshToken = RefreshTokenRepository.generate();
		// At the database's precision, so the session's end is computed the same later.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant sessionEnd = this.lifetime.endOf(now);
		Instant refreshExpiresAt = earlier(now.plus(this.properties.refreshTokenTtl()), sessionEnd);
		this.transaction.executeWithoutResult((status) -> {
			this.sessions.insertUserSession(sid, account.id(), account.username(), account.scope(), now,
					refreshExpiresAt);
			this.refreshTokens.insert(RefreshTokenRepository.hash(refreshToken), sid, now, refreshExpiresAt);
		});
		count("password");
		return userTokens(new LiveSession(sid, account.username(), account.scope(), refreshExpiresAt, sessionEnd),
				refreshToken, now);
	}

	/**
	 * The tokens of a session whose refresh token was rotated to {@code refreshToken}
	 * (or, within the grace, presented again and answered with the same successor).
	 */
	TokenResponse refreshed(LiveSession session, String refreshToken, Instant now) {
		count("refresh");
		return userTokens(session, refreshToken, now);
	}

	/**
	 * A user session as its next tokens need it: the scope they carry, when the refresh
	 * token expires, and the session's absolute end, past which no token lives.
	 */
	record LiveSession(String sid, String subject, String scope, Instant refreshExpiresAt, Instant sessionEnd) {
	}

	/** {@code now}: the moment the refresh token's expiry was decided or read. */
	private TokenResponse userTokens(LiveSession session, String refreshToken, Instant now) {
		AccessTokenIssuer.Issued access = this.issuer.issue(session.subject(), session.sid(), session.scope(),
				session.sessionEnd());
		long refreshExpiresIn = Math.max(0, Duration.between(now, session.refreshExpiresAt()).toSeconds());
		return new TokenResponse(access.token(), TokenResponse.BEARER, access.expiresIn(), refreshToken,
				refreshExpiresIn, session.scope());
	}

	static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private void count(String grant) {
		this.meters.counter(METRIC, "grant", grant).increment();
	}

	/** 128 random bits: unguessable, and short enough for every token to carry. */
	static String newSessionId() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
