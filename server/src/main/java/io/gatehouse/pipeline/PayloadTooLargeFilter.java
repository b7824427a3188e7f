package io.gatehouse.pipeline;

import java.io.IOException;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.RequestAttributes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * docs/contract.md §1 step (5) begins with size: a body that the app signature step
 * marked as over {@code max-body-size} is answered 413 here. It runs right after the
 * security filter chain, so signature (2), bearer (3) and CSRF (4) failures answer first,
 * and before Spring MVC, so 413 comes before 415, 404 and 405.
 */
final class PayloadTooLargeFilter extends HttpFilter {

	private final ProblemWriter problems;

	PayloadTooLargeFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(RequestAttributes.BODY_TOO_LARGE) != null) {
			this.problems.write(request, response, new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "body too large"));
			return;
		}
		chain.doFilter(request, response);
	}

}
