package io.gatehouse.tracing;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sends the request's trace back as a W3C {@code traceparent} response header: the trace
 * id the client sent (or a new one when it sent none or a malformed one) and the id of
 * the server's span, so a client can find its request in the server's logs and traces.
 * Runs inside Boot's HTTP observation, which took the incoming {@code traceparent}.
 */
public final class TraceparentResponseFilter extends HttpFilter {

	static final String HEADER = "traceparent";

	private final Tracer tracer;

	public TraceparentResponseFilter(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			String traceparent = traceparentOf(span.context());
			if (traceparent != null) {
				response.setHeader(HEADER, traceparent);
			}
		}
		chain.doFilter(request, response);
	}

	/** The version-00 header for {@code context}, or null when it is not a real trace. */
	static String traceparentOf(TraceContext context) {
		String traceId = context.traceId();
		String spanId = context.spanId();
		if (traceId == null || traceId.length() != 32 || spanId == null || spanId.length() != 16) {
			return null;
		}
		return "00-" + traceId + "-" + spanId + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
	}

}
