package io.gatehouse.errors;

import org.springframework.http.HttpStatus;

/**
 * Every failure the contract names (docs/contract.md §5), with its status. The code is
 * the stable, machine-readable part of a problem; its title and detail come from the
 * message bundles under {@code problem.<code>.title} and {@code problem.<code>.detail}.
 */
public enum ErrorCode {

	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),

	INVALID_HEADER(HttpStatus.BAD_REQUEST, "invalid-header"),

	INVALID_USERNAME(HttpStatus.BAD_REQUEST, "invalid-username"),

	USERNAME_MISMATCH(HttpStatus.BAD_REQUEST, "username-mismatch"),

	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed"),

	WEAK_PIN(HttpStatus.BAD_REQUEST, "weak-pin"),

	MISSING_TOKEN(HttpStatus.UNAUTHORIZED, "missing-token"),

	INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-token"),

	INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid-credentials"),

	INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED, "invalid-refresh-token"),

	REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "refresh-token-reused"),

	CSRF_MISSING(HttpStatus.FORBIDDEN, "csrf-missing"),

	CSRF_INVALID(HttpStatus.FORBIDDEN, "csrf-invalid"),

	SIGNATURE_MISSING(HttpStatus.FORBIDDEN, "signature-missing"),

	SIGNATURE_INVALID(HttpStatus.FORBIDDEN, "signature-invalid"),

	REQUEST_EXPIRED(HttpStatus.FORBIDDEN, "request-expired"),

	REQUEST_REPLAYED(HttpStatus.FORBIDDEN, "request-replayed"),

	PIN_INVALID(HttpStatus.FORBIDDEN, "pin-invalid"),

	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable"),

	USERNAME_TAKEN(HttpStatus.CONFLICT, "username-taken"),

	CUSTOMER_REQUIRED(HttpStatus.CONFLICT, "customer-required"),

	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type"),

	UPGRADE_REQUIRED(HttpStatus.UPGRADE_REQUIRED, "upgrade-required"),

	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");

	private final HttpStatus status;

	private final String code;

	ErrorCode(HttpStatus status, String code) {
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The contract's code, for example {@code csrf-missing}. */
	public String code() {
		return this.code;
	}

	/** The code a plain HTTP status maps to when no more specific one is known. */
	public static ErrorCode forStatus(int status) {
		return switch (status) {
			case 401 -> INVALID_TOKEN;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> (status >= 400 && status < 500) ? INVALID_REQUEST : INTERNAL_ERROR;
		};
	}

}
