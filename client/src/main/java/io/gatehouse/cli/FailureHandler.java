package io.gatehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import io.gatehouse.client.GatehouseException;
import io.gatehouse.client.NetworkException;
import io.gatehouse.client.RateLimitedException;
import io.gatehouse.client.SessionExpiredException;
import io.gatehouse.client.UnexpectedResponseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed call as one line (code, localized detail, request id) and picks the
 * exit code documented in {@code gatehouse --help}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

	static final int UNEXPECTED = 1;

	static final int USAGE = 2;

	static final int AUTH = 3;

	static final int RATE_LIMITED = 4;

	static final int SERVER = 5;

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		boolean json = JsonOption.requested(parseResult);
		if (!(ex instanceof GatehouseException failure)) {
			commandLine.getErr()
				.println(json ? JsonOption.toJson(Map.of("error", String.valueOf(ex))) : "gatehouse: " + ex);
			return UNEXPECTED;
		}
		commandLine.getErr().println(json ? JsonOption.toJson(fields(failure)) : "gatehouse: " + describe(failure));
		return exitCode(failure);
	}

	/** The failure as the contract's problem fields, for {@code --json}. */
	private static Map<String, Object> fields(GatehouseException failure) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("status", failure.status());
		fields.put("code", failure.code());
		fields.put("detail", failure.detail());
		fields.put("requestId", failure.requestId());
		fields.put("errors",
				failure.errors()
					.stream()
					.map((error) -> Map.of("field", String.valueOf(error.field()), "code", String.valueOf(error.code()),
							"message", String.valueOf(error.message())))
					.toList());
		if (failure instanceof RateLimitedException limited && limited.retryAfter() != null) {
			fields.put("retryAfterSeconds", limited.retryAfter().toSeconds());
		}
		return fields;
	}

	static int exitCode(GatehouseException failure) {
		if (failure instanceof SessionExpiredException) {
			return AUTH;
		}
		if (failure instanceof RateLimitedException) {
			return (failure.status() == 429) ? RATE_LIMITED : SERVER;
		}
		if (failure instanceof NetworkException || failure instanceof UnexpectedResponseException) {
			return SERVER;
		}
		return switch (failure.status()) {
			case 400, 409 -> USAGE;
			case 401, 403 -> AUTH;
			default -> SERVER;
		};
	}

	private static String describe(GatehouseException failure) {
		StringBuilder line = new StringBuilder();
		line.append((failure.code() != null) ? failure.code() : "error");
		if (failure.detail() != null) {
			line.append(": ").append(failure.detail());
		}
		failure.errors()
			.forEach((error) -> line.append("\n  ").append(error.field()).append(": ").append(error.message()));
		if (failure instanceof RateLimitedException limited && limited.retryAfter() != null) {
			line.append("\n  retry after ").append(limited.retryAfter().toSeconds()).append(" s");
		}
		if (failure.requestId() != null) {
			line.append("\n  request id ").append(failure.requestId());
		}
		return line.toString();
	}

}
