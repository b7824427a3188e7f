package io.gatehouse.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;

/**
 * Takes, renews and ends the session in the {@link TokenStore}. Renewal is single flight:
 * of all the calls refused with the same access token, one refreshes (a guest session
 * takes a new guest token instead) and the others reuse what it got. The lock is
 * re-entrant because the CSRF fetch may itself need a refresh on the same thread.
 */
final class Sessions {

	private final TokenStore store;

	private final ClockOffset clock;

	private final ReentrantLock lock = new ReentrantLock();

	// Set once, right after the OkHttpClient that needs this object is built.
	private volatile Transport transport;

	Sessions(TokenStore store, ClockOffset clock) {
		this.store = store;
		this.clock = clock;
	}

	void attach(Transport transport) {
		this.transport = transport;
	}

	Session current() {
		return this.store.load();
	}

	TokenStore store() {
		return this.store;
	}

	Session guest() {
		return this.transport
			.execute(this.transport.request("POST", null, CallOptions.ANONYMOUS, "api", "auth", "guest"), this::save);
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
			// Processes that share a session file renew one at a time too, each reading
			// what the one before it stored.
			return (this.store instanceof FileTokenStore file) ? file.locked(() -> renewHoldingLock(refused))
					: renewHoldingLock(refused);
		}
		finally {
			this.lock.unlock();
		}
	}

	private Session renewHoldingLock(String refused) {
		Session current = this.store.load();
		if (current == null) {
			throw new SessionExpiredException(401, "invalid-token", "The session has ended.", null);
		}
		if (!current.accessToken().equals(refused)) {
			return current;
		}
		if (current.isGuest()) {
			return guest();
		}
		return refresh(current);
	}

	/**
	 * Fetches a CSRF token unless the session holds an unexpired one other than
	 * {@code refused}.
	 */
	void ensureCsrf(String refused) {
		if (hasCsrf(this.store.load(), refused)) {
			return;
		}
		this.lock.lock();
		try {
			if (hasCsrf(ensure(), refused)) {
				return;
			}
			JsonNode csrf = this.transport.execute(
					this.transport.request("GET", null, CallOptions.BEARER, "api", "auth", "csrf-token"), Json::object);
			Long expiresIn = csrf.hasNonNull("expiresIn") ? csrf.get("expiresIn").asLong() : null;
			Instant expiresAt = (expiresIn != null) ? this.clock.now().plusSeconds(expiresIn) : null;
			// The fetch may have renewed the session: bind the token to the current one.
			Session current = this.store.load();
			if (current == null) {
				throw new SessionExpiredException(401, "invalid-token", "The session has ended.", null);
			}
			this.store.save(current.withCsrf(csrf.path("csrfToken").asText(null), expiresAt));
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean hasCsrf(Session session, String refused) {
		return session != null && session.hasCsrf(this.clock.now()) && !session.csrfToken().equals(refused);
	}

	private Session refresh(Session current) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("refreshToken", current.refreshToken());
		try {
			Session fresh = this.transport.execute(
					this.transport.request("POST", Json.body(body), CallOptions.ANONYMOUS, "api", "auth", "refresh"),
					this::read);
			// A refresh keeps the session (sid), and with it the CSRF token.
			fresh = fresh.withCsrf(current.csrfToken(), current.csrfExpiresAt());
			this.store.save(fresh);
			return fresh;
		}
		catch (SessionExpiredException ex) {
			this.store.clear();
			throw ex;
		}
	}

	/** Reads a token response and makes it the current session. */
	Session save(Response response) throws IOException {
		Session session = read(response);
		this.store.save(session);
		return session;
	}

	private Session read(Response response) throws IOException {
		JsonNode token = Json.object(response);
		String accessToken = Json.requiredText(response, token, "accessToken");
		Instant now = this.clock.now();
		Long expiresIn = Json.number(response, token, "expiresIn");
		Long refreshExpiresIn = Json.number(response, token, "refreshExpiresIn");
		return new Session(accessToken, Json.text(response, token, "refreshToken"), Json.text(response, token, "scope"),
				(expiresIn != null) ? now.plusSeconds(expiresIn) : null,
				(refreshExpiresIn != null) ? now.plusSeconds(refreshExpiresIn) : null, subject(accessToken), null,
				null);
	}

	/**
	 * The JWT's {@code sub}, read without verification: it only picks the next screen.
	 */
	static String subject(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length != 3) {
			return null;
		}
		try {
			byte[] claims = Base64.getUrlDecoder().decode(parts[1]);
			JsonNode node = Json.MAPPER.readTree(new String(claims, StandardCharsets.UTF_8));
			return (node != null) ? node.path("sub").asText(null) : null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

}
