package io.gatehouse.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * Turns an error response into the {@link GatehouseException} that docs/contract.md §5
 * calls for. A body that is not problem+json (an HTML error page, a truncated body)
 * becomes an {@link UnexpectedResponseException}; a 426 stays an
 * {@link UpgradeRequiredException} and a 429 or 503 a {@link RateLimitedException} even
 * then, since their status (and {@code Retry-After}) is what matters.
 */
final class ProblemParser {

	static final Set<String> SESSION_ENDED = Set.of("invalid-refresh-token", "refresh-token-reused");

	private static final long PEEK_LIMIT = 16 * 1024;

	private ProblemParser() {
	}

	static GatehouseException parse(Response response) {
		int status = response.code();
		JsonNode problem;
		try {
			problem = isJson(response.body().contentType()) ? Json.object(response) : null;
		}
		catch (IOException | UnexpectedResponseException ex) {
			problem = null;
		}
		String headerRequestId = response.header("x-request-id");
		if (problem == null) {
			// The status alone says what to do, whoever wrote the body.
			if (status == 426) {
				return new UpgradeRequiredException(null, headerRequestId);
			}
			if (status == 429 || status == 503) {
				return new RateLimitedException(status, null, null, headerRequestId, retryAfter(response));
			}
			return new UnexpectedResponseException(status,
					"HTTP " + status + " without a problem+json body (" + response.body().contentType() + ")",
					headerRequestId, null);
		}
		String code = text(problem, "code");
		String detail = text(problem, "detail");
		String requestId = (text(problem, "requestId") != null) ? text(problem, "requestId") : headerRequestId;
		if (status == 426) {
			return new UpgradeRequiredException(detail, requestId);
		}
		if (status == 429 || status == 503) {
			return new RateLimitedException(status, code, detail, requestId, retryAfter(response));
		}
		if (status == 401 && SESSION_ENDED.contains(code)) {
			return new SessionExpiredException(status, code, detail, requestId);
		}
		return new GatehouseException(status, code, detail, requestId, errors(problem), null);
	}

	/**
	 * The problem's {@code code}, read without consuming the body; {@code null} when
	 * there is none.
	 */
	static String peekCode(Response response) {
		try {
			JsonNode problem = Json.MAPPER.readTree(response.peekBody(PEEK_LIMIT).string());
			return (problem != null) ? text(problem, "code") : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The wait a {@code Retry-After} header asks for, in seconds or as an HTTP date. A
	 * date is counted from the response's {@code Date}, the server's own clock, so that a
	 * client clock that is off does not shorten or stretch the wait.
	 */
	static Duration retryAfter(Response response) {
		String value = response.header("Retry-After");
		if (value == null) {
			return null;
		}
		if (value.trim().matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		Date date = response.headers().getDate("Retry-After");
		if (date == null) {
			return null;
		}
		Date serverNow = response.headers().getDate("Date");
		Instant now = (serverNow != null) ? serverNow.toInstant() : Instant.now();
		Duration wait = Duration.between(now, date.toInstant());
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private static boolean isJson(MediaType type) {
		return type != null && type.subtype().endsWith("json");
	}

	private static List<GatehouseException.FieldError> errors(JsonNode problem) {
		List<GatehouseException.FieldError> errors = new ArrayList<>();
		JsonNode array = problem.get("errors");
		if (array != null && array.isArray()) {
			for (JsonNode error : array) {
				errors.add(new GatehouseException.FieldError(text(error, "field"), text(error, "code"),
						text(error, "message")));
			}
		}
		return errors;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

}
