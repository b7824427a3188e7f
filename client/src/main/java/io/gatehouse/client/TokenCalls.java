package io.gatehouse.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Response;

/**
 * The calls that obtain tokens: a guest token, a refresh and a CSRF token. They go
 * through a {@link Transport} whose client signs and adds headers but holds no session
 * step (no guest session, CSRF fetch nor refresh of its own), so a renewal never
 * re-enters the chain that asked for it.
 */
final class TokenCalls {

	private final Transport transport;

	private final ClockOffset clock;

	TokenCalls(Transport transport, ClockOffset clock) {
		this.transport = transport;
		this.clock = clock;
	}

	/** {@code POST /api/auth/guest}. */
	Session guest() {
		return this.transport
			.execute(this.transport.request("POST", null, CallOptions.ANONYMOUS, "api", "auth", "guest"), this::read);
	}

	/** {@code POST /api/auth/refresh}: the rotated session, keeping its CSRF token. */
	Session refresh(Session current) {
		Session fresh = this.transport
			.execute(this.transport.request("POST", Json.body(Map.of("refreshToken", current.refreshToken())),
					CallOptions.ANONYMOUS, "api", "auth", "refresh"), this::read);
		// A refresh keeps the session (sid), and with it the CSRF token.
		return fresh.withCsrf(current.csrfToken(), current.csrfExpiresAt());
	}

	/**
	 * {@code GET /api/auth/csrf-token} with the stored access token.
	 * @throws SessionExpiredException when the access token is refused
	 */
	CsrfToken csrfToken() {
		JsonNode csrf = this.transport.execute(
				this.transport.request("GET", null, CallOptions.BEARER, "api", "auth", "csrf-token"), Json::object);
		Long expiresIn = csrf.hasNonNull("expiresIn") ? csrf.get("expiresIn").asLong() : null;
		return new CsrfToken(csrf.path("csrfToken").asText(null),
				(expiresIn != null) ? this.clock.now().plusSeconds(expiresIn) : null);
	}

	/** Reads a token response (docs/contract.md §2) into a session. */
	Session read(Response response) throws IOException {
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

	/** A CSRF token and when it expires, by the client's corrected clock. */
	record CsrfToken(String value, Instant expiresAt) {

	}

}
