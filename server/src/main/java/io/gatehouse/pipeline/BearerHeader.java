package io.gatehouse.pipeline;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header, by the rule of Spring Security's
 * {@link DefaultBearerTokenResolver} as Gatehouse configures it (header only, no
 * {@code access_token} parameter): a value that starts with {@code bearer} in any case is
 * {@code Bearer token68} ({@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, ASCII case-insensitive)
 * or malformed ({@code invalid_token}); any other value carries no token. Written as a
 * loop: the expression ran over the whole token (about 800 characters) on every request.
 * {@code BearerHeaderTests} compares both on generated headers.
 */
final class BearerHeader implements BearerTokenResolver {

	private static final String SCHEME = "bearer";

	@Override
	public String resolve(HttpServletRequest request) {
		return token(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	static String token(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		int length = authorization.length();
		boolean wellFormed = length > SCHEME.length() + 1 && isAsciiScheme(authorization)
				&& authorization.charAt(SCHEME.length()) == ' ';
		int i = SCHEME.length() + 1;
		int start = i;
		while (wellFormed && i < length && isToken68(authorization.charAt(i))) {
			i++;
		}
		wellFormed = wellFormed && i > start;
		while (wellFormed && i < length && authorization.charAt(i) == '=') {
			i++;
		}
		if (!wellFormed || i != length) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return authorization.substring(start);
	}

	/**
	 * {@code regionMatches} also folds non-ASCII letters; the expression matches the
	 * scheme in ASCII only.
	 */
	private static boolean isAsciiScheme(String authorization) {
		for (int i = 0; i < SCHEME.length(); i++) {
			char c = authorization.charAt(i);
			if (c >= 0x80 || Character.toLowerCase(c) != SCHEME.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isToken68(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
