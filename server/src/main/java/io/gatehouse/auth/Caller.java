package io.gatehouse.auth;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * Who is calling, read from a verified access token: the subject (a username, or
 * {@code guest:<sid>} for a guest), the session and its scopes.
 */
public record Caller(String subject, String sessionId, List<String> scopes) {

	/**
	 * A guest's subject is this prefix and its session id; no username can contain ':'.
	 */
	public static final String GUEST_PREFIX = "guest:";

	/** The scope of a guest session. */
	public static final String GUEST_SCOPE = "guest";

	public static Caller of(Jwt jwt) {
		String scope = stringClaim(jwt, "scope");
		List<String> scopes = (scope != null && !scope.isBlank()) ? List.of(scope.split(" ")) : List.of();
		return new Caller(stringClaim(jwt, JwtClaimNames.SUB), stringClaim(jwt, "sid"), scopes);
	}

	/**
	 * The claim as {@link Jwt#getClaimAsString} gives it. Our tokens carry these claims
	 * as strings, which are returned as they are; anything else still goes through
	 * Spring's conversion, whose type lookups cost more per request than the rest of this
	 * record (docs/benchmarks.md).
	 */
	static String stringClaim(Jwt jwt, String name) {
		Object value = jwt.getClaims().get(name);
		return (value == null || value instanceof String) ? (String) value : jwt.getClaimAsString(name);
	}

	public boolean isGuest() {
		return this.subject.startsWith(GUEST_PREFIX);
	}

	/** The caller's username, or {@code null} for a guest. */
	public String username() {
		return isGuest() ? null : this.subject;
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

}
