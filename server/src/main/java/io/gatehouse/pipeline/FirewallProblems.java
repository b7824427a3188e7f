package io.gatehouse.pipeline;

import java.io.IOException;

import io.gatehouse.errors.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers what Spring Security's firewall refuses (dot segments, {@code //}, encoded
 * dots, line breaks, {@code ;}) with a 400 problem, {@code invalid-username} under the
 * username check.
 */
final class FirewallProblems implements RequestRejectedHandler {

	private final ProblemWriter problems;

	FirewallProblems(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		this.problems.write(request, response, MalformedPaths.problemFor(request.getRequestURI(), 400));
	}

}
