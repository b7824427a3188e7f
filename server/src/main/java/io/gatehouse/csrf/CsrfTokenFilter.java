package io.gatehouse.csrf;

import java.io.IOException;

import io.gatehouse.auth.Caller;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.ApiRequests;
import io.gatehouse.routes.ApiRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Check (4) of docs/contract.md §1: every {@code /api/**} request that carries a verified
 * bearer token, GET included, must send the session's {@code x-csrf-token}; only fetching
 * one is exempt. Runs after the bearer token filter, so the session id comes from the
 * verified token, never from the request.
 */
@Component
public final class CsrfTokenFilter extends OncePerRequestFilter {

	/** The request header that carries the token. */
	public static final String HEADER = "x-csrf-token";

	/** Fetching a token (docs/contract.md §2), declared in {@link ApiRoutes}. */
	private static final RequestMatcher EXEMPT = ApiRoutes.csrfExempt();

	private final CsrfTokens tokens;

	private final ProblemWriter problems;

	public CsrfTokenFilter(CsrfTokens tokens, ProblemWriter problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// The path as routing sees it (decoded): "/%61pi/..." reaches the API too.
		if (!(authentication instanceof JwtAuthenticationToken jwt) || !ApiRequests.isApi(request)
				|| EXEMPT.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		String presented = request.getHeader(HEADER);
		if (presented == null || presented.isEmpty()) {
			this.problems.write(request, response, new ApiException(ErrorCode.CSRF_MISSING, "no CSRF token"));
			return;
		}
		if (!this.tokens.isValid(Caller.of(jwt.getToken()).sessionId(), presented)) {
			this.problems.write(request, response, new ApiException(ErrorCode.CSRF_INVALID, "bad CSRF token"));
			return;
		}
		chain.doFilter(request, response);
	}

}
