package io.gatehouse.client;

import java.time.Instant;

/**
 * The tokens of one Gatehouse session, as a {@link TokenStore} keeps them. A guest
 * session has no refresh token. {@link #toString()} never shows a token.
 *
 * @param accessToken the access token (a JWT)
 * @param refreshToken the refresh token, or {@code null} for a guest session
 * @param scope the granted scope: {@code guest}, {@code user} or for example
 * {@code user customers:read}
 * @param accessExpiresAt when the access token expires, by the client's corrected clock
 * @param refreshExpiresAt when the refresh token expires, or {@code null}
 * @param subject the access token's subject: the username, or {@code guest:<sid>}
 * @param csrfToken the session's CSRF token, or {@code null} until one is fetched
 * @param csrfExpiresAt when the CSRF token expires, or {@code null}
 */
public record Session(String accessToken, String refreshToken, String scope, Instant accessExpiresAt,
		Instant refreshExpiresAt, String subject, String csrfToken, Instant csrfExpiresAt) {

	private static final String GUEST_PREFIX = "guest:";

	/**
	 * Whether this is a guest session, which renews by taking a new guest token.
	 * @return {@code true} for a guest session
	 */
	public boolean isGuest() {
		return this.refreshToken == null || (this.subject != null && this.subject.startsWith(GUEST_PREFIX));
	}

	/**
	 * This session with another CSRF token.
	 * @param token the CSRF token
	 * @param expiresAt when it expires
	 * @return a new session
	 */
	public Session withCsrf(String token, Instant expiresAt) {
		return new Session(this.accessToken, this.refreshToken, this.scope, this.accessExpiresAt, this.refreshExpiresAt,
				this.subject, token, expiresAt);
	}

	/**
	 * Whether a CSRF token is held that has not expired by {@code now}.
	 * @param now the current time
	 * @return {@code true} when the CSRF token can be sent
	 */
	public boolean hasCsrf(Instant now) {
		return this.csrfToken != null && (this.csrfExpiresAt == null || now.isBefore(this.csrfExpiresAt));
	}

	@Override
	public String toString() {
		return "Session[subject=" + this.subject + ", scope=" + this.scope + ", accessExpiresAt=" + this.accessExpiresAt
				+ ", refreshExpiresAt=" + this.refreshExpiresAt + "]";
	}

}
