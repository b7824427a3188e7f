package io.gatehouse.auth;

/**
 * The body of every successful token grant (docs/contract.md §2). A guest session has no
 * refresh token: {@code refreshToken} and {@code refreshExpiresIn} are present and null.
 * {@code deviceToken} is set by a password login only (null otherwise).
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, Long refreshExpiresIn,
		String scope, String deviceToken) {

	static final String BEARER = "Bearer";

	TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, Long refreshExpiresIn,
			String scope) {
		this(accessToken, tokenType, expiresIn, refreshToken, refreshExpiresIn, scope, null);
	}

	TokenResponse withDeviceToken(String token) {
		return new TokenResponse(this.accessToken, this.tokenType, this.expiresIn, this.refreshToken,
				this.refreshExpiresIn, this.scope, token);
	}

}
