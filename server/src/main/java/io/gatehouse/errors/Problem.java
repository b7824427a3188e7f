package io.gatehouse.errors;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The RFC 9457 body of every error, in the contract's field order. {@code errors} is
 * present only for {@code validation-failed}.
 */
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "code", "requestId", "errors" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
		String requestId, List<FieldProblem> errors) {

	/** Problem type URIs are this prefix plus the code. */
	public static final String TYPE_PREFIX = "https://gatehouse.dev/problems/";

}
