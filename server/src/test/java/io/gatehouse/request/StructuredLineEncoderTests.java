package io.gatehouse.request;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.encoder.Encoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StructuredLineEncoder} against Boot's own structured encoder, made as Boot's
 * logging configuration makes it: the same bytes for each line, whatever its text.
 */
class StructuredLineEncoderTests {

	/**
	 * What a line can carry: plain ASCII, JSON's escapes, control characters, two- and
	 * three-byte UTF-8, a surrogate pair, and lone surrogates (which both replace).
	 */
	private static final List<String> TEXTS = List.of("requestId=7ecd method=GET path=/api/customers/{username}",
			"quote \" backslash \\ slash / tab \t newline \n return \r", "control \u0001\u001f\u007f\u0085 end",
			"Grüße, Ünïcödé", "日本語のユーザー名", "emoji \uD83D\uDE00 pair", "lone high \uD83D then text",
			"lone low \uDE00 then text", "ends on a high surrogate \uD83D", "");

	private final LoggerContext context = new LoggerContext();

	@BeforeEach
	void bootsLoggingContext() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		// Boot's logging system puts the Environment here for its structured encoder.
		this.context.putObject(Environment.class.getName(),
				new MockEnvironment().withProperty("logging.structured.ecs.service.name", "gatehouse"));
	}

	@AfterEach
	void stop() {
		this.context.stop();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	void encodeWhenBootFormatterThenSameBytesAsBootsEncoder(String format) {
		StructuredLogEncoder boot = bootEncoder(format);

		Encoder<ILoggingEvent> lines = StructuredLineEncoder.of(boot);

		assertThat(lines).isInstanceOf(StructuredLineEncoder.class);
		for (String text : TEXTS) {
			ILoggingEvent event = event(text);
			assertThat(lines.encode(event)).as("%s: %s", format, text).isEqualTo(boot.encode(event));
		}
		ILoggingEvent failure = event("failed", new IllegalStateException("broken \"state\" ü"));
		assertThat(lines.encode(failure)).isEqualTo(boot.encode(failure));
	}

	@Test
	void encodeWhenCharsetSetThenLineInThatCharset() {
		StructuredLogEncoder latin1 = new StructuredLogEncoder();
		latin1.setCharset(StandardCharsets.ISO_8859_1);
		StructuredLogEncoder boot = started(latin1, "ecs");
		ILoggingEvent event = event("Grüße \uD83D\uDE00");

		byte[] line = StructuredLineEncoder.of(boot).encode(event);

		assertThat(line).isEqualTo(boot.encode(event));
		assertThat(new String(line, StandardCharsets.ISO_8859_1)).contains("\"message\":\"Grüße ?\"");
	}

	@Test
	void ofWhenTextEncoderThenReturnedUnchanged() {
		PatternLayoutEncoder text = new PatternLayoutEncoder();
		text.setContext(this.context);
		text.setPattern("%level %msg%n");
		text.start();

		assertThat(StructuredLineEncoder.of(text)).isSameAs(text);
	}

	@Test
	void ofWhenSubclassOfBootsEncoderThenReturnedUnchanged() {
		StructuredLogEncoder subclass = started(new StructuredLogEncoder() {
		}, "ecs");

		assertThat(StructuredLineEncoder.of(subclass)).isSameAs(subclass);
	}

	@Test
	void ofWhenFormatterOfTheApplicationsOwnThenReturnedUnchanged() {
		StructuredLogEncoder own = bootEncoder(OwnFormatter.class.getName());

		assertThat(StructuredLineEncoder.of(own)).isSameAs(own);
		assertThat(own.encode(event("any"))).isEqualTo(OwnFormatter.BYTES);
	}

	private StructuredLogEncoder bootEncoder(String format) {
		return started(new StructuredLogEncoder(), format);
	}

	/** Started as Boot's logging configuration starts it, with whatever else was set. */
	private StructuredLogEncoder started(StructuredLogEncoder encoder, String format) {
		encoder.setContext(this.context);
		encoder.setFormat(format);
		encoder.start();
		return encoder;
	}

	private ILoggingEvent event(String message) {
		return event(message, null);
	}

	private ILoggingEvent event(String message, Throwable thrown) {
		LoggingEvent event = new LoggingEvent(getClass().getName(), this.context.getLogger(AccessLog.LOGGER),
				Level.INFO, message, thrown, null);
		event.setMDCPropertyMap(Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "note", message));
		event.addKeyValuePair(new KeyValuePair("requestId", "7ecd-" + message));
		event.addKeyValuePair(new KeyValuePair("status", 200));
		event.addKeyValuePair(new KeyValuePair("audit.event", "login"));
		event.setThreadName("http-nio-8080-exec-1");
		return event;
	}

	/**
	 * A formatter whose bytes are not its text: only the encoder that asks it for bytes
	 * writes what it means.
	 */
	public static class OwnFormatter implements StructuredLogFormatter<ILoggingEvent> {

		static final byte[] BYTES = { 0x1e, 'o', 'w', 'n', '\n' };

		@Override
		public String format(ILoggingEvent event) {
			return "own\n";
		}

		@Override
		public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
			return BYTES.clone();
		}

	}

}
