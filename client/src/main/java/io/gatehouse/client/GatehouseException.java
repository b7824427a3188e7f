package io.gatehouse.client;

import java.util.List;

/**
 * A call that Gatehouse refused, or that could not be made. Carries what the server's
 * problem+json body said (docs/contract.md §5): the HTTP status, the contract's
 * {@code code}, the {@code detail} in the client's locale and the {@code requestId} to
 * quote to support. Subclasses name the cases an app handles differently.
 */
public class GatehouseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The HTTP status, or {@code 0}. */
	private final int status;

	/** The contract's code, or {@code null}. */
	private final String code;

	/** The localized explanation, or {@code null}. */
	private final String detail;

	/** The request id, or {@code null}. */
	private final String requestId;

	// Not serialized: a deserialized exception reports no field errors.
	private final transient List<FieldError> errors;

	/**
	 * A refusal.
	 * @param status the HTTP status, or {@code 0} when there was no response
	 * @param code the contract's code, for example {@code username-taken}, or
	 * {@code null}
	 * @param detail the localized, human-readable explanation, or {@code null}
	 * @param requestId the request id, or {@code null}
	 * @param errors the bad fields of a {@code validation-failed} problem
	 * @param cause the underlying failure, or {@code null}
	 */
	public GatehouseException(int status, String code, String detail, String requestId, List<FieldError> errors,
			Throwable cause) {
		super(message(status, code, detail, requestId), cause);
		this.status = status;
		this.code = code;
		this.detail = detail;
		this.requestId = requestId;
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	/**
	 * The HTTP status.
	 * @return the status, or {@code 0} when no response was received
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The contract's machine-readable code.
	 * @return for example {@code invalid-credentials}, or {@code null} when the response
	 * carried none
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The explanation to show, in the requested locale.
	 * @return the detail, or {@code null}
	 */
	public String detail() {
		return this.detail;
	}

	/**
	 * The id of the request, to quote in a support request.
	 * @return the request id, or {@code null}
	 */
	public String requestId() {
		return this.requestId;
	}

	/**
	 * The fields that failed validation.
	 * @return the field errors; empty unless the code is {@code validation-failed}
	 */
	public List<FieldError> errors() {
		return (this.errors != null) ? this.errors : List.of();
	}

	private static String message(int status, String code, String detail, String requestId) {
		StringBuilder message = new StringBuilder();
		message.append((status > 0) ? "HTTP " + status : "No response");
		if (code != null) {
			message.append(' ').append(code);
		}
		if (detail != null) {
			message.append(": ").append(detail);
		}
		if (requestId != null) {
			message.append(" (request ").append(requestId).append(')');
		}
		return message.toString();
	}

	/**
	 * One field that failed validation.
	 *
	 * @param field the JSON field, for example {@code phone}
	 * @param code a stable code, for example {@code invalid}
	 * @param message the localized message
	 */
	public record FieldError(String field, String code, String message) {

	}

}
