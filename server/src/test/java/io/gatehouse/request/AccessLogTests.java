package io.gatehouse.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTests {

	/** The rule as the contract writes it; the access log checks it without a regex. */
	private static final Pattern APP_VERSION = Pattern.compile("[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}");

	/**
	 * The line's text as SLF4J formatted it from a template until the text was written
	 * out.
	 */
	private static final String SLF4J_TEMPLATE = "requestId={} method={} path={} status={} durationMs={} code={}";

	@Test
	void messageWhenAnyValuesThenTheTextSlf4jFormattedFromTheTemplate() {
		Object enumCode = Thread.State.BLOCKED;
		String[] texts = { "7ecd-42", "", "{}", "\\{}", "a{}b{}", "%s %d", "/api/customers/check-username/{username}",
				"/.well-known/jwks.json", "/x?y=\u00e9&z=\u2603", "GET", "line\nbreak", null };
		Random random = new Random(29);
		for (String requestId : texts) {
			for (String path : texts) {
				for (Object code : new Object[] { null, "invalid-signature", "{}", enumCode }) {
					String method = texts[random.nextInt(texts.length)];
					int status = random.nextInt(1000) - 1;
					long millis = random.nextLong();
					String expected = MessageFormatter
						.arrayFormat(SLF4J_TEMPLATE,
								new Object[] { requestId, method, path, status, millis, (code != null) ? code : "-" })
						.getMessage();
					assertThat(AccessLog.message(requestId, method, path, status, millis, code))
						.as("%s %s %s", requestId, path, code)
						.isEqualTo(expected);
				}
			}
		}
	}

	@Test
	void writeWhenARequestEndsThenOneInfoLineWithItsTextAndFields() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger access = context.getLogger(AccessLog.LOGGER);
		Level level = access.getLevel();
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.setContext(context);
		lines.start();
		access.addAppender(lines);
		// The line is INFO, whatever an earlier test in this JVM left configured.
		access.setLevel(Level.INFO);
		try {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/customers/check-username/ana");
			request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
					"/api/customers/check-username/{username}");
			request.setAttribute(RequestAttributes.FAILURE_CODE, "invalid-signature");
			request.setRemoteAddr("192.0.2.7");
			request.addHeader("x-platform", "ios");
			request.addHeader("x-app-version", "1.2.3");
			MockHttpServletResponse response = new MockHttpServletResponse();
			response.setStatus(401);

			AccessLog.write(request, response, "req-1", 12);

			assertThat(lines.list).hasSize(1);
			ILoggingEvent line = lines.list.get(0);
			assertThat(line.getLevel()).isEqualTo(Level.INFO);
			assertThat(line.getFormattedMessage()).isEqualTo("requestId=req-1 method=GET "
					+ "path=/api/customers/check-username/{username} status=401 durationMs=12 code=invalid-signature");
			assertThat(line.getKeyValuePairs()).extracting((pair) -> pair.key + "=" + pair.value)
				.containsExactly("requestId=req-1", "method=GET", "path=/api/customers/check-username/{username}",
						"status=401", "durationMs=12", "clientAddress=192.0.2.7", "code=invalid-signature",
						"platform=ios", "appVersion=1.2.3");
		}
		finally {
			access.detachAppender(lines);
			access.setLevel(level);
		}
	}

	@Test
	void isAppVersionWhenNamedCasesThenAsThePattern() {
		for (String value : new String[] { "1.0.0", "123456789.123456789.123456789", "1234567890.0.0", "1.0", "1.0.0.0",
				".1.0", "1..0", "1.0.", "", "a.b.c", "1.0.0 ", " 1.0.0", "１.0.0", "01.002.0003" }) {
			assertThat(AccessLog.isAppVersion(value)).as(value).isEqualTo(APP_VERSION.matcher(value).matches());
		}
		assertThat(AccessLog.isAppVersion(null)).isFalse();
	}

	@Test
	void isAppVersionWhenRandomStringsThenAsThePattern() {
		Random random = new Random(13);
		char[] alphabet = "0123456789..a".toCharArray();
		List<String> values = new ArrayList<>();
		for (int i = 0; i < 200_000; i++) {
			char[] value = new char[random.nextInt(32)];
			for (int j = 0; j < value.length; j++) {
				value[j] = alphabet[random.nextInt(alphabet.length)];
			}
			values.add(new String(value));
		}
		for (String value : values) {
			assertThat(AccessLog.isAppVersion(value)).as(value).isEqualTo(APP_VERSION.matcher(value).matches());
		}
	}

}
