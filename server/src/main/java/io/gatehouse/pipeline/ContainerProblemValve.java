package io.gatehouse.pipeline;

import java.io.IOException;

import io.gatehouse.errors.ProblemWriter;
import io.gatehouse.request.ContractLocales;
import io.gatehouse.request.RequestAttributes;
import io.gatehouse.request.RequestIdFilter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error report for what Tomcat refuses itself, before any filter
 * runs (an encoded slash or NUL, a bad percent escape, a malformed request line): the
 * answer is problem+json like every other error, never an HTML page.
 */
final class ContainerProblemValve extends ErrorReportValve {

	private final ProblemWriter problems;

	ContainerProblemValve(ProblemWriter problems) {
		this.problems = problems;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (RequestAttributes.requestId(request) == null) {
			// Refused before the request filter ran: give what it would have.
			String requestId = RequestIdFilter.requestIdOf(request.getHeader(RequestIdFilter.HEADER));
			request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
			response.setHeader(RequestIdFilter.HEADER, requestId);
			response.setHeader("Content-Language",
					ContractLocales.resolve(request.getHeader(ContractLocales.HEADER)).toLanguageTag());
		}
		try {
			response.setSuspended(false);
			this.problems.write(request, response, MalformedPaths.problemFor(rawUri(request), status));
		}
		catch (IOException | RuntimeException ex) {
			// The client is gone or the request is beyond repair; there is nobody to
			// tell.
		}
	}

	private static String rawUri(Request request) {
		return (request.getCoyoteRequest() != null) ? request.getCoyoteRequest().requestURI().toString() : null;
	}

}
