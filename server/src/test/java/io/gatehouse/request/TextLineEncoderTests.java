package io.gatehouse.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ScanException;
import ch.qos.logback.core.util.OptionHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.ansi.AnsiOutput;
import org.springframework.boot.logging.logback.ColorConverter;
import org.springframework.boot.logging.logback.CorrelationIdConverter;
import org.springframework.boot.logging.logback.EnclosedInSquareBracketsConverter;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TextLineEncoder} against Boot's console encoder, made from the console pattern
 * in Boot's own {@code logback/defaults.xml} with Boot's converters: the same bytes for
 * each line. A Boot version with another default pattern makes these tests fail, since
 * the encoder then keeps Boot's.
 */
class TextLineEncoderTests {

	/** Thread names: shorter than, exactly, and longer than the 15 characters shown. */
	private static final List<String> THREADS = List.of("main", "x", "exactly-15-char", "sixteen-chars-xx",
			"http-nio-127.0.0.1-8080-exec-12", "Ünïcödé-thread", "");

	private static final List<Map<String, String>> MDCS = List.of(Map.of(),
			Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331"),
			Map.of("traceId", "4bf92f3577b34da6"), Map.of("spanId", "00f067aa0ba902b7"),
			Map.of("traceId", "", "spanId", ""),
			Map.of("traceId", "0af7651916cd43dd8448eb211c80319c0af76519", "spanId", "b7ad6b7169203331b7"));

	private static final List<String> MESSAGES = List.of(
			"requestId=7ecd method=GET path=/api/customers/check-username/{username} status=200 durationMs=1 code=-",
			"Grüße, 日本語, emoji \uD83D\uDE00", "two\nlines\r\n", "", "lone surrogate \uD83D end");

	/**
	 * Milliseconds: the epoch, one before a second ends, its next, and some other days.
	 */
	private static final long[] TIMES = { 0L, 999L, 1_000L, 1_700_000_000_999L, 1_700_000_001_000L, 1_711_846_799_500L,
			1_711_846_800_001L, 4_102_444_800_042L };

	private final LoggerContext context = new LoggerContext();

	@BeforeEach
	void bootsConverters() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		// What Boot's DefaultLogbackConfiguration registers.
		Map<String, Supplier<DynamicConverter<?>>> rules = new HashMap<>();
		rules.put("clr", ColorConverter::new);
		rules.put("correlationId", CorrelationIdConverter::new);
		rules.put("esb", EnclosedInSquareBracketsConverter::new);
		rules.put("wEx", ExtendedWhitespaceThrowableProxyConverter::new);
		this.context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);
	}

	@AfterEach
	void stop() {
		this.context.stop();
		AnsiOutput.setEnabled(AnsiOutput.Enabled.DETECT);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "4242, %correlationId, gatehouse, null", "4242, '', gatehouse, null",
			"'', %correlationId, null, null", "1, %correlationId, gatehouse, payments" })
	void encodeWhenBootsDefaultPatternThenSameBytesAsBootsEncoder(String pid, String correlation, String name,
			String group) {
		this.context.putProperty("PID", pid);
		this.context.putProperty("LOG_CORRELATION_PATTERN", correlation);
		if (name != null) {
			this.context.putProperty("APPLICATION_NAME", name);
		}
		if (group != null) {
			this.context.putProperty("APPLICATION_GROUP", group);
		}
		PatternLayoutEncoder boot = bootConsoleEncoder();

		Encoder<ILoggingEvent> lines = TextLineEncoder.of(boot);

		assertThat(lines).isInstanceOf(TextLineEncoder.class);
		List<ILoggingEvent> events = events();
		for (ILoggingEvent event : events) {
			assertThat(new String(lines.encode(event), StandardCharsets.UTF_8)).as("%s", event)
				.isEqualTo(new String(boot.encode(event), StandardCharsets.UTF_8));
			assertThat(lines.encode(event)).isEqualTo(boot.encode(event));
		}
		assertThat(events).hasSizeGreaterThan(1000);
	}

	@Test
	void encodeWhenOtherLevelOrExceptionOrLongLoggerNameThenBootsLine() {
		this.context.putProperty("PID", "4242");
		this.context.putProperty("LOG_CORRELATION_PATTERN", "%correlationId");
		PatternLayoutEncoder boot = bootConsoleEncoder();
		Encoder<ILoggingEvent> lines = TextLineEncoder.of(boot);
		LoggingEvent warning = event(Level.WARN, TIMES[3], "main", MDCS.get(1), "slow");
		LoggingEvent failure = new LoggingEvent(getClass().getName(), this.context.getLogger(AccessLog.LOGGER),
				Level.INFO, "failed", new IllegalStateException("broken"), null);
		LoggingEvent longName = event(TIMES[3], "main", MDCS.get(1), "any");
		longName.setLoggerName("io.gatehouse.request.a.logger.name.longer.than.thirty-nine");

		assertThat(lines).isInstanceOf(TextLineEncoder.class);
		for (ILoggingEvent event : List.of(warning, failure, longName)) {
			assertThat(lines.encode(event)).isEqualTo(boot.encode(event));
		}
		assertThat(new String(lines.encode(failure), StandardCharsets.UTF_8)).contains("IllegalStateException: broken");
	}

	@Test
	void encodeWhenCharsetSetThenLineInThatCharset() {
		this.context.putProperty("PID", "4242");
		PatternLayoutEncoder latin1 = new PatternLayoutEncoder();
		latin1.setCharset(StandardCharsets.ISO_8859_1);
		PatternLayoutEncoder boot = started(latin1, bootConsolePattern());
		Encoder<ILoggingEvent> lines = TextLineEncoder.of(boot);
		ILoggingEvent event = event(TIMES[3], "main", Map.of(), "Grüße \uD83D\uDE00");

		assertThat(lines).isInstanceOf(TextLineEncoder.class);
		assertThat(lines.encode(event)).isEqualTo(boot.encode(event));
		assertThat(new String(lines.encode(event), StandardCharsets.ISO_8859_1)).endsWith(": Grüße ?\n");
	}

	@Test
	void ofWhenPatternOfTheApplicationsOwnThenReturnedUnchanged() {
		PatternLayoutEncoder own = started(new PatternLayoutEncoder(), "%d %level %logger %msg%n");
		PatternLayoutEncoder almostBoots = started(new PatternLayoutEncoder(),
				bootConsolePattern().replace("%15.15t", "%20.20t"));

		assertThat(TextLineEncoder.of(own)).isSameAs(own);
		assertThat(TextLineEncoder.of(almostBoots)).isSameAs(almostBoots);
	}

	@Test
	void ofWhenConsoleInColourThenReturnedUnchanged() {
		AnsiOutput.setEnabled(AnsiOutput.Enabled.ALWAYS);
		PatternLayoutEncoder colour = bootConsoleEncoder();

		assertThat(TextLineEncoder.of(colour)).isSameAs(colour);
	}

	@Test
	void ofWhenStructuredOrNotStartedThenReturnedUnchanged() {
		PatternLayoutEncoder notStarted = new PatternLayoutEncoder();
		notStarted.setContext(this.context);
		notStarted.setPattern(bootConsolePattern());
		PatternLayoutEncoder subclass = started(new PatternLayoutEncoder() {
		}, bootConsolePattern());

		assertThat(TextLineEncoder.of(notStarted)).isSameAs(notStarted);
		assertThat(TextLineEncoder.of(subclass)).isSameAs(subclass);
		assertThat(TextLineEncoder.of(null)).isNull();
	}

	private List<ILoggingEvent> events() {
		List<ILoggingEvent> events = new ArrayList<>();
		for (long time : TIMES) {
			for (String thread : THREADS) {
				for (Map<String, String> mdc : MDCS) {
					for (String message : MESSAGES) {
						events.add(event(time, thread, mdc, message));
					}
				}
			}
		}
		// Lines in order across second boundaries, as the date's cache meets them.
		for (long time = 1_700_000_000_990L; time < 1_700_000_002_010L; time += 7) {
			events.add(event(time, "main", Map.of(), "tick"));
		}
		return events;
	}

	private LoggingEvent event(long millis, String thread, Map<String, String> mdc, String message) {
		return event(Level.INFO, millis, thread, mdc, message);
	}

	private LoggingEvent event(Level level, long millis, String thread, Map<String, String> mdc, String message) {
		LoggingEvent event = new LoggingEvent(getClass().getName(), this.context.getLogger(AccessLog.LOGGER), level,
				message, null, null);
		event.setInstant(Instant.ofEpochMilli(millis));
		event.setThreadName(thread);
		event.setMDCPropertyMap(mdc);
		return event;
	}

	private PatternLayoutEncoder bootConsoleEncoder() {
		return started(new PatternLayoutEncoder(), bootConsolePattern());
	}

	private PatternLayoutEncoder started(PatternLayoutEncoder encoder, String pattern) {
		encoder.setContext(this.context);
		encoder.setPattern(pattern);
		encoder.start();
		return encoder;
	}

	/**
	 * {@code CONSOLE_LOG_PATTERN} from Boot's {@code defaults.xml}, its variables
	 * resolved from this context's properties as Logback resolves them for Boot.
	 */
	private String bootConsolePattern() {
		try (InputStream defaults = getClass()
			.getResourceAsStream("/org/springframework/boot/logging/logback/defaults.xml")) {
			String xml = new String(defaults.readAllBytes(), StandardCharsets.UTF_8);
			Matcher property = Pattern.compile("<property name=\"CONSOLE_LOG_PATTERN\" value=\"([^\"]*)\"/>")
				.matcher(xml);
			assertThat(property.find()).isTrue();
			return OptionHelper.substVars(property.group(1), this.context);
		}
		catch (IOException | ScanException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
