package io.gatehouse.errors;

import java.time.Duration;
import java.util.List;

/**
 * A failure with a contract {@link ErrorCode}. Thrown anywhere in request handling and
 * written as problem+json by {@link ProblemWriter}; its message is never sent to the
 * client (the body carries the localized generic detail of the code), so it may say what
 * happened for the log, as long as it names no token, secret, password or PIN.
 */
public class ApiException extends RuntimeException {

	private final ErrorCode code;

	private final Duration retryAfter;

	private final List<FieldProblem> errors;

	public ApiException(ErrorCode code) {
		this(code, code.code(), null, List.of());
	}

	public ApiException(ErrorCode code, String logMessage) {
		this(code, logMessage, null, List.of());
	}

	private ApiException(ErrorCode code, String logMessage, Duration retryAfter, List<FieldProblem> errors) {
		super(logMessage, null, false, false);
		this.code = code;
		this.retryAfter = retryAfter;
		this.errors = List.copyOf(errors);
	}

	/** 429 {@code rate-limited}, or 503 {@code service-unavailable}, with a wait. */
	public static ApiException retryAfter(ErrorCode code, Duration retryAfter) {
		return new ApiException(code, code.code(), retryAfter, List.of());
	}

	/** 400 {@code validation-failed} naming every bad field. */
	public static ApiException validationFailed(List<FieldProblem> errors) {
		return new ApiException(ErrorCode.VALIDATION_FAILED, "validation failed", null, errors);
	}

	public ErrorCode code() {
		return this.code;
	}

	/** How long the client should wait before trying again, or {@code null}. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
