package io.gatehouse.client;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of docs/contract.md §2 and the reading of their answers, shared by the
 * synchronous and asynchronous methods of {@link GatehouseClient}.
 */
final class Calls {

	private static final Logger logger = LoggerFactory.getLogger(GatehouseClient.class);

	private final Transport transport;

	private final SessionKeeper sessions;

	private final TokenCalls tokens;

	Calls(Transport transport, SessionKeeper sessions, TokenCalls tokens) {
		this.transport = transport;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	/** Reads a token response and makes it the current session. */
	Session readSession(Response response) throws IOException {
		return this.sessions.save(this.tokens.read(response));
	}

	Request guest() {
		return this.transport.request("POST", null, CallOptions.ANONYMOUS, "api", "auth", "guest");
	}

	Request login(String username, char[] password) {
		Objects.requireNonNull(username, "username == null");
		Objects.requireNonNull(password, "password == null");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", normalizedOrAsTyped(username));
		body.put("password", password);
		return this.transport.request("POST", Json.body(body), CallOptions.ANONYMOUS, "api", "auth", "token");
	}

	Request logout() {
		return this.transport.request("POST", null, CallOptions.BEARER_CSRF, "api", "auth", "logout");
	}

	Request register(String username, String email, String phone, char[] password) {
		Objects.requireNonNull(password, "password == null");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("email", Objects.requireNonNull(email, "email == null"));
		body.put("phone", Objects.requireNonNull(phone, "phone == null"));
		body.put("password", password);
		return this.transport.request("POST", Json.body(body), CallOptions.BEARER_CSRF, "api", "auth", "register");
	}

	Request check(String username) {
		return this.transport.request("GET", null, CallOptions.BEARER_CSRF.withUsername(username).asIdempotent(), "api",
				"customers", "check-username", username);
	}

	Request createCustomer() {
		return this.transport.request("POST", null, CallOptions.BEARER_CSRF, "api", "customers");
	}

	Request setPin(char[] pin) {
		Objects.requireNonNull(pin, "pin == null");
		return this.transport.request("PUT", Json.body(Map.of("pin", pin)), CallOptions.BEARER_CSRF.asIdempotent(),
				"api", "customers", "me", "pin");
	}

	UsernameCheck readCheck(Response response, String username) throws IOException {
		JsonNode body = Json.object(response);
		Session session = this.sessions.current();
		boolean callerIsUser = session != null && username != null && !session.isGuest()
				&& username.equals(session.subject());
		UsernameCheck check = new UsernameCheck(Json.bool(response, body, "exists"),
				Json.bool(response, body, "hasCustomer"), Json.text(response, body, "customerId"),
				Json.text(response, body, "stripeCustomerId"), Json.text(response, body, "email"),
				Json.text(response, body, "phone"),
				SubscriptionStatus.fromWire(Json.text(response, body, "subscriptionStatus")),
				Json.bool(response, body, "pinSet"), callerIsUser);
		logger.debug("Username check: {}, next step {}", check, check.nextStep());
		return check;
	}

	String subject() {
		Session session = this.sessions.current();
		return (session != null) ? session.subject() : null;
	}

	static String validUsername(String username) {
		Objects.requireNonNull(username, "username == null");
		String normalized = Usernames.normalize(username);
		if (normalized == null) {
			throw new GatehouseException(400, "invalid-username",
					"A username has 3 to 32 characters: letters, digits, '.' and '_'.", null, null, null);
		}
		return normalized;
	}

	static String normalizedOrAsTyped(String username) {
		Objects.requireNonNull(username, "username == null");
		String normalized = Usernames.normalize(username);
		// The server explains what is wrong with an invalid one, in the user's language.
		return (normalized != null) ? normalized : username;
	}

	static <T> CompletableFuture<T> failingFast(Supplier<String> argument,
			Function<String, CompletableFuture<T>> call) {
		try {
			return call.apply(argument.get());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
