package io.gatehouse.appsig;

import java.io.IOException;
import java.time.Duration;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.errors.StateUnavailableException;
import io.gatehouse.request.ApiRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * docs/contract.md §1 steps (1) and (2) on every {@code /api/**} request, before the
 * bearer token: app headers (400/426), signed payload, binding, time and nonce (403),
 * done by {@link SignedRequestCheck}. The request goes on with its body readable again; a
 * body over {@code max-body-size} is only marked, and answered 413 by
 * {@code pipeline/PayloadTooLargeFilter} after the bearer and CSRF checks. A nonce store
 * that cannot answer fails closed: 503.
 */
public final class AppSignatureFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AppSignatureFilter.class);

	private static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(5);

	private final SignedRequestCheck check;

	private final ProblemWriter problems;

	AppSignatureFilter(SignedRequestCheck check, ProblemWriter problems) {
		this.check = check;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decoded too, as the security matchers and MVC see it: "/%61pi/x" is API.
		return !ApiRequests.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest checked;
		try {
			checked = this.check.check(request);
		}
		catch (ApiException ex) {
			log.debug("Refused {}: {}", ex.code().code(), ex.getMessage());
			this.problems.write(request, response, ex);
			return;
		}
		catch (StateUnavailableException ex) {
			log.warn("Nonce store unavailable: {}", ex.getMessage());
			this.problems.write(request, response,
					ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, RETRY_AFTER_OUTAGE));
			return;
		}
		chain.doFilter(checked, response);
	}

}
