package io.gatehouse.request;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the one access-log line of a request on the {@code gatehouse.access} logger: as
 * text for people ({@code requestId=... method=... path=...}) and the same values as
 * key-value pairs, which structured logging (JSON) writes as fields. The path is the
 * route template, not the raw path, so no user input other than a rejected request's
 * truncated path reaches the log; client headers are logged only when they are one of the
 * values the contract allows.
 */
final class AccessLog {

	static final String LOGGER = "gatehouse.access";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private static final int MAX_LOGGED_PATH = 96;

	private static final Pattern PLATFORM = Pattern.compile("ios|android|web");

	private static final Pattern APP_VERSION = Pattern.compile("[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}");

	private AccessLog() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String requestId, long millis) {
		if (!log.isInfoEnabled()) {
			return;
		}
		Object code = request.getAttribute(RequestAttributes.FAILURE_CODE);
		Object clientAddress = request.getAttribute(RequestAttributes.CLIENT_ADDRESS);
		String path = pathForLog(request);
		LoggingEventBuilder line = log.atInfo()
			.addKeyValue("requestId", requestId)
			.addKeyValue("method", request.getMethod())
			.addKeyValue("path", path)
			.addKeyValue("status", response.getStatus())
			.addKeyValue("durationMs", millis)
			.addKeyValue("clientAddress", (clientAddress != null) ? clientAddress : request.getRemoteAddr());
		line = addIfPresent(line, "code", code);
		line = addIfPresent(line, "platform", allowed(PLATFORM, request.getHeader("x-platform")));
		line = addIfPresent(line, "appVersion", allowed(APP_VERSION, request.getHeader("x-app-version")));
		line.log("requestId={} method={} path={} status={} durationMs={} code={}", requestId, request.getMethod(), path,
				response.getStatus(), millis, (code != null) ? code : "-");
	}

	private static LoggingEventBuilder addIfPresent(LoggingEventBuilder line, String key, Object value) {
		return (value != null) ? line.addKeyValue(key, value) : line;
	}

	private static String allowed(Pattern pattern, String value) {
		return (value != null && pattern.matcher(value).matches()) ? value : null;
	}

	private static String pathForLog(HttpServletRequest request) {
		Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (template != null) {
			return template.toString();
		}
		String path = request.getRequestURI();
		if (path.length() > MAX_LOGGED_PATH) {
			path = path.substring(0, MAX_LOGGED_PATH) + "...";
		}
		return path.replaceAll("[^\\x21-\\x7e]", "?");
	}

}
