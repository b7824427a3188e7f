package io.gatehouse.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import io.gatehouse.account.Account;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts sessions and answers the token response of each grant: a guest session (no row,
 * no refresh token), a user session (a row and its first refresh token), and the tokens
 * of a session whose refresh token was just rotated. Counts every grant.
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

	TokenGrants(AccessTokenIssuer issuer, SessionRepository sessions, RefreshTokenRepository refreshTokens,
			TokenProperties properties, Clock clock, MeterRegistry meters, PlatformTransactionManager transactions) {
		this.issuer = issuer;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.transaction = new TransactionTemplate(transactions);
	}

	TokenResponse guest() {
		String sid = newSessionId();
		String accessToken = this.issuer.issue(Caller.GUEST_PREFIX + sid, sid, Caller.GUEST_SCOPE);
		count("guest");
		return new TokenResponse(accessToken, TokenResponse.BEARER, this.issuer.expiresInSeconds(), null, null,
				Caller.GUEST_SCOPE);
	}

	TokenResponse password(Account account) {
		String sid = newSessionId();
		String refreshToken = RefreshTokenRepository.generate();
		Instant now = this.clock.instant();
		Instant refreshExpiresAt = now.plus(this.properties.refreshTokenTtl());
		this.transaction.executeWithoutResult((status) -> {
			this.sessions.insertUserSession(sid, account.id(), account.username(), account.scope(), now,
					refreshExpiresAt);
			this.refreshTokens.insert(RefreshTokenRepository.hash(refreshToken), sid, now, refreshExpiresAt);
		});
		count("password");
		return userTokens(sid, account.username(), account.scope(), refreshToken);
	}

	/**
	 * The tokens of a session whose refresh token was rotated to {@code refreshToken}.
	 */
	TokenResponse refreshed(SessionRepository.Session session, String refreshToken) {
		count("refresh");
		return userTokens(session.sid(), session.subject(), session.scope(), refreshToken);
	}

	private TokenResponse userTokens(String sid, String subject, String scope, String refreshToken) {
		String accessToken = this.issuer.issue(subject, sid, scope);
		return new TokenResponse(accessToken, TokenResponse.BEARER, this.issuer.expiresInSeconds(), refreshToken,
				this.properties.refreshTokenTtl().toSeconds(), scope);
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
