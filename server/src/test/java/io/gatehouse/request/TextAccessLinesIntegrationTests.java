package io.gatehouse.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The access log's text lines in the running application, whose logging Boot configured:
 * they are written by {@link TextLineEncoder}, byte for byte as Boot's own console
 * encoder writes them.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TextAccessLinesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void accessLogWhenBootsConsoleThenTextLineEncoderWritesBootsBytes() {
		Encoder<ILoggingEvent> boot = bootConsoleEncoder();
		Encoder<ILoggingEvent> access = accessConsoleEncoder();

		assertThat(access).isInstanceOf(TextLineEncoder.class);
		for (String thread : List.of("main", "http-nio-127.0.0.1-8080-exec-12", "exactly-15-char")) {
			for (Map<String, String> mdc : List.of(Map.<String, String>of(),
					Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331"))) {
				ILoggingEvent event = event(thread, mdc);
				assertThat(access.encode(event)).as("%s %s", thread, mdc).isEqualTo(boot.encode(event));
			}
		}
	}

	@Test
	void requestWhenServedThenAccessLineInBootsConsoleFormat(CapturedOutput output) {
		ApiResponse jwks = new ApiClient(this.port).get("/.well-known/jwks.json")
			.header("x-request-id", "text-lines-jwks-1")
			.send();
		assertThat(jwks.status()).isEqualTo(200);

		String line = await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut()
				.lines()
				.filter((candidate) -> candidate.contains("requestId=text-lines-jwks-1"))
				.findFirst()
				.orElse(null), (found) -> found != null);
		assertThat(line)
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)  INFO \\d+ --- "
					+ "\\[gatehouse\\] \\[[ -~]{15}\\] \\[[0-9a-f]{32}-[0-9a-f]{16}\\] gatehouse\\.access {24} : "
					+ "requestId=text-lines-jwks-1 method=GET path=/\\.well-known/jwks\\.json status=200 durationMs=\\d+ code=-");
	}

	private static ILoggingEvent event(String thread, Map<String, String> mdc) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		LoggingEvent event = new LoggingEvent(TextAccessLinesIntegrationTests.class.getName(),
				context.getLogger(AccessLog.LOGGER), Level.INFO,
				"requestId=r-1 method=GET path=/.well-known/jwks.json status=200 durationMs=0 code=-", null, null);
		event.setInstant(Instant.now());
		event.setThreadName(thread);
		event.setMDCPropertyMap(mdc);
		return event;
	}

	@SuppressWarnings("unchecked")
	private static Encoder<ILoggingEvent> bootConsoleEncoder() {
		Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		return ((ConsoleAppender<ILoggingEvent>) root.getAppender(BatchedAccessLogConsole.BOOT_CONSOLE)).getEncoder();
	}

	private static Encoder<ILoggingEvent> accessConsoleEncoder() {
		Logger access = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(AccessLog.LOGGER);
		return ((OutputStreamAppender<ILoggingEvent>) access.getAppender(BatchedAccessLogConsole.NAME)).getEncoder();
	}

}
