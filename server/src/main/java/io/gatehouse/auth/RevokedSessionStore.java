package io.gatehouse.auth;

import java.time.Instant;

/**
 * The revoked session ids, checked on every authenticated request so that logout and
 * refresh-token reuse take effect at once, without a database round trip. An entry needs
 * to live only as long as an access token of that session can (the database keeps the
 * permanent record). In memory in the embedded default, in Redis in the cluster profile.
 */
public interface RevokedSessionStore {

	/**
	 * Marks the session revoked until {@code until} (the last moment a token could live).
	 */
	void revoke(String sid, Instant until);

	/**
	 * Whether the session was revoked.
	 * @throws io.gatehouse.errors.StateUnavailableException when the store cannot answer;
	 * the caller fails closed
	 */
	boolean isRevoked(String sid);

}
