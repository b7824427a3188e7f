package io.gatehouse.auth;

/**
 * The body of every successful token grant (docs/contract.md §2). A guest session has no
 * refresh token: {@code refreshToken} and {@code refreshExpiresIn} are present and null.
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, Long refreshExpiresIn,
		String scope) {

	static final String BEARER = "Bearer";

}
