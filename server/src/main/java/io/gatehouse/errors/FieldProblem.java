package io.gatehouse.errors;

/**
 * One bad field of a request. {@code message} is a message-bundle key when created and
 * the localized text once written.
 *
 * @param field the JSON field name
 * @param code a stable code, for example {@code too-short}
 * @param message the message key (from {@code validation.<field>.<code>}) or its text
 */
public record FieldProblem(String field, String code, String message) {

	/** A problem whose message key is {@code validation.<field>.<code>}. */
	public static FieldProblem of(String field, String code) {
		return new FieldProblem(field, code, "validation." + field + "." + code);
	}

}
