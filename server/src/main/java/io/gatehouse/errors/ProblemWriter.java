package io.gatehouse.errors;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.gatehouse.request.ContractLocales;
import io.gatehouse.request.RequestAttributes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one place that turns an {@link ApiException} into an RFC 9457 answer, for filters
 * (which write to the servlet response) and controllers (which return an entity) alike.
 * It localizes title and detail, adds {@code Retry-After} and {@code WWW-Authenticate},
 * counts the failure by code, leaves the code for the access log and tells the
 * {@link ProblemListener} (the audit trail's {@code audit/ProblemAudit}).
 */
public final class ProblemWriter {

	/** The counter of answered failures, tagged by contract code. */
	public static final String METRIC = "gatehouse.problems";

	private final MessageSource messages;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final ProblemListener listener;

	/** A writer that tells nobody of its failures: for tests of a single filter. */
	public ProblemWriter(MessageSource messages, JsonMapper json, MeterRegistry meters) {
		this(messages, json, meters, null);
	}

	public ProblemWriter(MessageSource messages, JsonMapper json, MeterRegistry meters, ProblemListener listener) {
		this.messages = messages;
		this.json = json;
		this.meters = meters;
		this.listener = listener;
	}

	/** Writes the problem straight to the response: for filters and entry points. */
	public void write(HttpServletRequest request, HttpServletResponse response, ApiException failure)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		HttpHeaders headers = headersFor(request, failure);
		response.setStatus(failure.code().status().value());
		// Set, not added: the request filter already sent Cache-Control on /api/**.
		headers.forEach((name, values) -> {
			response.setHeader(name, values.get(0));
			values.stream().skip(1).forEach((value) -> response.addHeader(name, value));
		});
		byte[] body = this.json.writeValueAsBytes(problem(request, failure));
		// Sent with its length: one socket write, not a chunk and an end chunk.
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/** The problem as a response entity: for controller advice. */
	public ResponseEntity<Problem> entity(HttpServletRequest request, ApiException failure) {
		return ResponseEntity.status(failure.code().status())
			.headers(headersFor(request, failure))
			.body(problem(request, failure));
	}

	Problem problem(HttpServletRequest request, ApiException failure) {
		ErrorCode code = failure.code();
		Locale locale = ContractLocales.resolve(request.getHeader(ContractLocales.HEADER));
		String key = "problem." + code.code();
		List<FieldProblem> errors = failure.errors().isEmpty() ? null
				: failure.errors().stream().map((error) -> localized(error, locale)).toList();
		return new Problem(Problem.TYPE_PREFIX + code.code(), text(key + ".title", locale), code.status().value(),
				text(key + ".detail", locale), instanceOf(request), code.code(), RequestAttributes.requestId(request),
				errors);
	}

	/** The path the client asked for, also on the container's error dispatch. */
	private static String instanceOf(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (original != null) ? original.toString() : request.getRequestURI();
	}

	private HttpHeaders headersFor(HttpServletRequest request, ApiException failure) {
		ErrorCode code = failure.code();
		request.setAttribute(RequestAttributes.FAILURE_CODE, code.code());
		Counter.builder(METRIC).tag("code", code.code()).register(this.meters).increment();
		if (this.listener != null) {
			this.listener.answered(request, code);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setCacheControl("no-store");
		if (failure.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(failure))));
		}
		if (code.status() == HttpStatus.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE,
					(code == ErrorCode.INVALID_TOKEN) ? "Bearer error=\"invalid_token\"" : "Bearer");
		}
		return headers;
	}

	private static long ceilSeconds(ApiException failure) {
		long millis = failure.retryAfter().toMillis();
		return (millis + 999) / 1000;
	}

	private FieldProblem localized(FieldProblem error, Locale locale) {
		return new FieldProblem(error.field(), error.code(), text(error.message(), locale));
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
