package io.gatehouse.request;

import java.util.Set;

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

	private static final Set<String> PLATFORMS = Set.of("ios", "android", "web");

	private AccessLog() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String requestId, long millis) {
		if (!log.isInfoEnabled()) {
			return;
		}
		Object code = request.getAttribute(RequestAttributes.FAILURE_CODE);
		Object clientAddress = request.getAttribute(RequestAttributes.CLIENT_ADDRESS);
		String path = pathForLog(request);
		String method = request.getMethod();
		int status = response.getStatus();
		LoggingEventBuilder line = log.atInfo()
			.addKeyValue("requestId", requestId)
			.addKeyValue("method", method)
			.addKeyValue("path", path)
			.addKeyValue("status", status)
			.addKeyValue("durationMs", millis)
			.addKeyValue("clientAddress", (clientAddress != null) ? clientAddress : request.getRemoteAddr());
		line = addIfPresent(line, "code", code);
		String platform = request.getHeader("x-platform");
		line = addIfPresent(line, "platform", (platform != null && PLATFORMS.contains(platform)) ? platform : null);
		String appVersion = request.getHeader("x-app-version");
		line = addIfPresent(line, "appVersion", isAppVersion(appVersion) ? appVersion : null);
		line.log(message(requestId, method, path, status, millis, code));
	}

	/**
	 * The line's text, {@code requestId=... method=... path=... status=... durationMs=...
	 * code=...} ({@code -} for no code). Written out here rather than given to SLF4J as a
	 * {@code {}} template with arguments: the text is the same (values are not scanned
	 * for placeholders either way, AccessLogTests), and Logback then has no template to
	 * format on every request, 1.3 % of a JWKS answer's CPU (docs/benchmarks.md).
	 */
	static String message(String requestId, String method, String path, int status, long millis, Object code) {
		return "requestId=" + requestId + " method=" + method + " path=" + path + " status=" + status + " durationMs="
				+ millis + " code=" + ((code != null) ? code : "-");
	}

	private static LoggingEventBuilder addIfPresent(LoggingEventBuilder line, String key, Object value) {
		return (value != null) ? line.addKeyValue(key, value) : line;
	}

	/**
	 * {@code [0-9]{1,9}.[0-9]{1,9}.[0-9]{1,9}}, checked without a regex on every line.
	 */
	static boolean isAppVersion(String value) {
		if (value == null || value.length() > 29) {
			return false;
		}
		int parts = 0;
		int digits = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9' && digits < 9) {
				digits++;
			}
			else if (c == '.' && digits > 0 && parts < 2) {
				parts++;
				digits = 0;
			}
			else {
				return false;
			}
		}
		return parts == 2 && digits > 0;
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
