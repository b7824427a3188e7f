package io.gatehouse.errors;

import java.time.Duration;
import java.util.List;

import io.gatehouse.request.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception that reaches a controller into the contract's problem+json:
 * {@link ApiException}s as they are, Spring MVC's own failures (404, 405, 406, 415,
 * unreadable JSON, missing headers) by status, a lost database or Redis into 503, and
 * anything else into a 500 whose body says nothing about the cause.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	static final Duration RETRY_AFTER_OUTAGE = Duration.ofSeconds(5);

	private final ProblemWriter problems;

	public ApiExceptionHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Problem> handleApiException(ApiException failure, HttpServletRequest request) {
		return this.problems.entity(request, failure);
	}

	@ExceptionHandler({ DataAccessException.class, StateUnavailableException.class })
	ResponseEntity<Problem> handleStorageUnavailable(RuntimeException failure, HttpServletRequest request) {
		log.warn("Storage unavailable (requestId={}): {}", RequestAttributes.requestId(request),
				failure.getClass().getSimpleName());
		return this.problems.entity(request,
				ApiException.retryAfter(ErrorCode.SERVICE_UNAVAILABLE, RETRY_AFTER_OUTAGE));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Problem> handleUnexpected(Exception failure, HttpServletRequest request) {
		log.error("Unexpected failure (requestId={})", RequestAttributes.requestId(request), failure);
		return this.problems.entity(request, new ApiException(ErrorCode.INTERNAL_ERROR));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest webRequest) {
		HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
		ApiException failure = new ApiException(codeFor(ex, statusCode), ex.getClass().getSimpleName());
		ResponseEntity<Problem> problem = this.problems.entity(request, failure);
		HttpHeaders merged = new HttpHeaders();
		if (headers != null) {
			merged.addAll(headers);
		}
		merged.putAll(problem.getHeaders());
		return ResponseEntity.status(problem.getStatusCode()).headers(merged).body(problem.getBody());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest webRequest) {
		HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> FieldProblem.of(error.getField(), codeOf(error.getCode())))
			.toList();
		ResponseEntity<Problem> problem = this.problems.entity(request, ApiException.validationFailed(errors));
		return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
	}

	private static ErrorCode codeFor(Exception ex, HttpStatusCode status) {
		if (ex instanceof MissingRequestHeaderException) {
			return ErrorCode.INVALID_HEADER;
		}
		if (ex instanceof HttpMessageNotReadableException) {
			return ErrorCode.INVALID_REQUEST;
		}
		return ErrorCode.forStatus(status.value());
	}

	private static String codeOf(String constraint) {
		if (constraint == null) {
			return "invalid";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "required";
			case "Size" -> "size";
			case "Pattern", "Email" -> "format";
			default -> "invalid";
		};
	}

}
