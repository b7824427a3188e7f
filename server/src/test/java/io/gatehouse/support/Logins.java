package io.gatehouse.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatehouse.account.DemoData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions for tests, made over HTTP as a client makes them: a guest or user token, and
 * the session's CSRF token.
 */
public final class Logins {

	/**
	 * Sessions shared by the tests of one server (keyed by port and name), so a test
	 * class does not spend the per-address guest-token budget or an Argon2 login per
	 * test.
	 */
	private static final Map<String, Session> SHARED = new ConcurrentHashMap<>();

	private final ApiClient api;

	public Logins(ApiClient api) {
		this.api = api;
	}

	/** A guest session shared with other tests of this server; never log it out. */
	public Session sharedGuest() {
		return SHARED.computeIfAbsent(this.api.baseUrl() + " guest", (key) -> guest());
	}

	/** A demo user's session shared with other tests of this server; never log it out. */
	public Session sharedDemoUser(String username) {
		return SHARED.computeIfAbsent(this.api.baseUrl() + " " + username, (key) -> demoUser(username));
	}

	/** A session: its access token and a CSRF token bound to it. */
	public record Session(String accessToken, String csrfToken) {

		/** The session id ({@code sid} claim) of the access token. */
		public String sid() {
			String payload = new String(Base64.getUrlDecoder().decode(this.accessToken.split("\\.")[1]),
					StandardCharsets.UTF_8);
			return ApiClient.JSON.readTree(payload).get("sid").asString();
		}

	}

	public Session guest() {
		ApiResponse response = this.api.post("/api/auth/guest").send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return withCsrf(response.field("accessToken"));
	}

	/** A demo user's session (docs/contract.md §6 password). */
	public Session demoUser(String username) {
		return user(username, DemoData.PASSWORD);
	}

	public Session user(String username, String password) {
		ApiResponse response = this.api.post("/api/auth/token")
			.json(Map.of("username", username, "password", password))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return withCsrf(response.field("accessToken"));
	}

	public String csrfFor(String accessToken) {
		ApiResponse response = this.api.get("/api/auth/csrf-token").bearer(accessToken).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.field("csrfToken");
	}

	private Session withCsrf(String accessToken) {
		return new Session(accessToken, csrfFor(accessToken));
	}

}
