package io.gatehouse.client;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the session in the {@link TokenStore} and decides when it must be taken or
 * renewed; {@link TokenCalls} does the calls. Renewal is single flight: of all the calls
 * refused with the same access token, one renews (a guest session takes a new guest
 * token) and the others reuse what it got, within this client by a lock and across
 * clients by {@link TokenStore#locked}. The lock is re-entrant because a CSRF fetch may
 * itself need a renewal on the same thread.
 */
final class SessionKeeper {

	private final TokenStore store;

	private final TokenCalls calls;

	private final ClockOffset clock;

	private final ReentrantLock lock = new ReentrantLock();

	SessionKeeper(TokenStore store, TokenCalls calls, ClockOffset clock) {
		this.store = store;
		this.calls = calls;
		this.clock = clock;
	}

	Session current() {
		return this.store.load();
	}

	/** Makes {@code session} the current one. */
	Session save(Session session) {
		this.store.save(session);
		return session;
	}

	void clear() {
		this.store.clear();
	}

	/** Takes a guest session and makes it the current one. */
	Session guest() {
		return save(this.calls.guest());
	}

	/** The current session, taking a guest one when there is none. */
	Session ensure() {
		Session session = this.store.load();
		if (session != null) {
			return session;
		}
		this.lock.lock();
		try {
			session = this.store.load();
			return (session != null) ? session : guest();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A session whose access token is newer than {@code refused}: the one another caller
	 * got already, or a new one.
	 * @throws SessionExpiredException when the session cannot be renewed (and then the
	 * store is empty)
	 */
	Session renew(String refused) {
		this.lock.lock();
		try {
			return this.store.locked(() -> renewHoldingLock(refused));
		}
		finally {
			this.lock.unlock();
		}
	}

	private Session renewHoldingLock(String refused) {
		Session current = this.store.load();
		if (current == null) {
			throw ended();
		}
		if (!current.accessToken().equals(refused)) {
			return current;
		}
		if (current.isGuest()) {
			return guest();
		}
		try {
			return save(this.calls.refresh(current));
		}
		catch (SessionExpiredException ex) {
			this.store.clear();
			throw ex;
		}
	}

	/**
	 * Fetches a CSRF token unless the session holds an unexpired one other than
	 * {@code refused}. An access token refused meanwhile is renewed once.
	 */
	void ensureCsrf(String refused) {
		if (hasCsrf(this.store.load(), refused)) {
			return;
		}
		this.lock.lock();
		try {
			Session session = ensure();
			if (hasCsrf(session, refused)) {
				return;
			}
			TokenCalls.CsrfToken csrf = fetchCsrf(session);
			// The fetch may have renewed the session: bind the token to the current one.
			Session current = this.store.load();
			if (current == null) {
				throw ended();
			}
			this.store.save(current.withCsrf(csrf.value(), csrf.expiresAt()));
		}
		finally {
			this.lock.unlock();
		}
	}

	private TokenCalls.CsrfToken fetchCsrf(Session session) {
		try {
			return this.calls.csrfToken();
		}
		catch (SessionExpiredException ex) {
			renew(session.accessToken());
		}
		try {
			return this.calls.csrfToken();
		}
		catch (SessionExpiredException ex) {
			this.store.clear();
			throw ex;
		}
	}

	private boolean hasCsrf(Session session, String refused) {
		return session != null && session.hasCsrf(this.clock.now()) && !session.csrfToken().equals(refused);
	}

	private static SessionExpiredException ended() {
		return new SessionExpiredException(401, "invalid-token", "The session has ended.", null);
	}

}
