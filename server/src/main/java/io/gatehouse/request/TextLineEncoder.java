package io.gatehouse.request;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import org.springframework.boot.logging.CorrelationIdFormatter;

/**
 * Boot's default console line, without colour, written by hand for the access log. Boot's
 * pattern layout builds each line through a chain of converters: six {@code %clr}
 * wrappers that each collect their part into a buffer of their own and return it
 * unchanged when the console has no colour, padding and truncation by a generic
 * formatter. On the JWK set that layout was 3.7 % of the request threads' CPU, and this
 * encoder is 0.9 % (decision 0016).
 * <p>
 * The line is the same, byte for byte: {@link #of} takes the place of Boot's encoder only
 * when its pattern is Boot's default console pattern (any PID, with or without the trace
 * ids of {@code %correlationId}), and only after the lines of a set of probe events
 * (short, exact and long thread names; both, one and no trace ids; the context's
 * application name and group) came out the same from both. Anything else keeps Boot's
 * encoder: a pattern of the application's own ({@code logging.pattern.console}), a colour
 * console, another Boot version's pattern. Per line, an event this encoder does not write
 * as Boot would (another level, a logger name longer than 39 characters, an exception, no
 * thread name) is handed to Boot's encoder.
 */
final class TextLineEncoder extends EncoderBase<ILoggingEvent> {

	/**
	 * Boot's {@code CONSOLE_LOG_PATTERN} (its {@code logback/defaults.xml}) as Boot's
	 * logging configuration resolves it: the PID in place, the correlation pattern either
	 * {@code %correlationId} (tracing on the classpath) or empty.
	 */
	private static final Pattern BOOT_CONSOLE_PATTERN = Pattern
		.compile(Pattern.quote("%clr(%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}){faint} %clr(%5p){} %clr(") + "(\\d*)"
				+ Pattern.quote("){magenta} %clr(--- %esb(){APPLICATION_NAME}%esb{APPLICATION_GROUP}[%15.15t] ")
				+ "(%correlationId)?" + Pattern.quote("){faint}%clr(%-40.40logger{39}){cyan} %clr(:){faint} %m%n%wEx"));

	/** {@code %-40.40logger{39}} leaves a name of up to 39 characters as it is. */
	private static final int MAX_LOGGER_NAME = 39;

	private static final int LOGGER_WIDTH = 40;

	private static final int THREAD_WIDTH = 15;

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.");

	private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX");

	private final Encoder<ILoggingEvent> boot;

	private final String pid;

	private final CorrelationIdFormatter correlation;

	private final Charset charset;

	private final ZoneId zone;

	/** The last logger name padded: the access logger's, in practice the only one. */
	private volatile PaddedLogger lastLogger = new PaddedLogger("", "");

	/** The second the last line's date was made for: its text up to the milliseconds. */
	private volatile Second second = new Second(Long.MIN_VALUE, "", "");

	private TextLineEncoder(Encoder<ILoggingEvent> boot, String pid, CorrelationIdFormatter correlation,
			Charset charset, ZoneId zone) {
		this.boot = boot;
		this.pid = pid;
		this.correlation = correlation;
		this.charset = charset;
		this.zone = zone;
	}

	/**
	 * This encoder in place of Boot's started console encoder with Boot's default pattern
	 * and no colour, if it writes the probe lines as Boot's does; any other encoder as it
	 * is.
	 */
	static Encoder<ILoggingEvent> of(Encoder<ILoggingEvent> encoder) {
		if (!(encoder instanceof PatternLayoutEncoder patternEncoder)
				|| encoder.getClass() != PatternLayoutEncoder.class || !encoder.isStarted()
				|| patternEncoder.getPattern() == null) {
			return encoder;
		}
		Matcher pattern = BOOT_CONSOLE_PATTERN.matcher(patternEncoder.getPattern());
		if (!pattern.matches()) {
			return encoder;
		}
		TextLineEncoder lines = new TextLineEncoder(encoder, pattern.group(1),
				(pattern.group(2) != null) ? CorrelationIdFormatter.DEFAULT : null, patternEncoder.getCharset(),
				ZoneId.systemDefault());
		lines.setContext(patternEncoder.getContext());
		if (!lines.writesAsBoot()) {
			// A colour console, most often: a developer's terminal.
			patternEncoder.addInfo("Access lines keep Boot's text encoder: its lines are not Boot's default "
					+ "uncoloured ones (see Gatehouse's decision 0016)");
			return encoder;
		}
		lines.start();
		return lines;
	}

	/** Whether the probe lines come out of this encoder as they do out of Boot's. */
	private boolean writesAsBoot() {
		for (ILoggingEvent probe : probes()) {
			if (!Arrays.equals(encode(probe), this.boot.encode(probe))) {
				return false;
			}
		}
		return true;
	}

	private List<ILoggingEvent> probes() {
		LoggerContext context = (LoggerContext) getContext();
		long now = System.currentTimeMillis();
		return List.of(probe(context, now, "main", Map.of()),
				probe(context, now + 1, "http-nio-8080-exec-1",
						Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331")),
				probe(context, 1_000_000_000_007L, "exactly15chars!", Map.of("traceId", "4bf92f3577b34da6")),
				probe(context, 1_700_000_000_123L, "Ünïcödé thread name, and long",
						Map.of("spanId", "00f067aa0ba902b7")));
	}

	private static ILoggingEvent probe(LoggerContext context, long millis, String thread, Map<String, String> mdc) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerContext(context);
		event.setLoggerContextRemoteView(context.getLoggerContextRemoteView());
		event.setLoggerName(AccessLog.LOGGER);
		event.setLevel(Level.INFO);
		event.setThreadName(thread);
		event.setInstant(Instant.ofEpochMilli(millis));
		event.setMDCPropertyMap(mdc);
		event.setMessage("requestId=probe method=GET path=/probe status=200 durationMs=0 code=- Grüße");
		return event;
	}

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		String logger = event.getLoggerName();
		if (event.getLevel() != Level.INFO || event.getThrowableProxy() != null || logger == null
				|| logger.length() > MAX_LOGGER_NAME || event.getThreadName() == null) {
			return this.boot.encode(event);
		}
		StringBuilder line = new StringBuilder(320);
		appendDate(line, event.getTimeStamp());
		// %5p, then the PID.
		line.append("  INFO ").append(this.pid).append(" --- ");
		appendInBrackets(line, event, "APPLICATION_NAME");
		appendInBrackets(line, event, "APPLICATION_GROUP");
		line.append('[');
		appendThread(line, event.getThreadName());
		line.append("] ");
		if (this.correlation != null) {
			this.correlation.formatTo(event.getMDCPropertyMap()::get, line);
		}
		line.append(paddedLogger(logger)).append(" : ").append(event.getFormattedMessage());
		line.append(CoreConstants.LINE_SEPARATOR);
		String text = line.toString();
		return (this.charset != null) ? text.getBytes(this.charset) : text.getBytes();
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

	/** {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}} in the zone Logback's converter took. */
	private void appendDate(StringBuilder line, long millis) {
		long epochSecond = Math.floorDiv(millis, 1000);
		Second current = this.second;
		if (current.epochSecond() != epochSecond) {
			Instant instant = Instant.ofEpochSecond(epochSecond);
			current = new Second(epochSecond, SECOND.withZone(this.zone).format(instant),
					OFFSET.withZone(this.zone).format(instant));
			this.second = current;
		}
		int milli = (int) Math.floorMod(millis, 1000);
		line.append(current.upToMillis());
		line.append((char) ('0' + milli / 100))
			.append((char) ('0' + milli / 10 % 10))
			.append((char) ('0' + milli % 10));
		line.append(current.offset());
	}

	/**
	 * Boot's {@code %esb{NAME}}: the logger context's property, else the system property,
	 * as {@code "[value] "} when it has any text.
	 */
	private static void appendInBrackets(StringBuilder line, ILoggingEvent event, String name) {
		LoggerContextVO context = event.getLoggerContextVO();
		String value = (context != null) ? context.getPropertyMap().get(name) : null;
		if (value == null) {
			value = System.getProperty(name);
		}
		if (value != null && !value.isEmpty()) {
			line.append('[').append(value).append("] ");
		}
	}

	/** {@code %15.15t}: right-aligned in 15 characters, the last 15 of a longer name. */
	private static void appendThread(StringBuilder line, String thread) {
		if (thread.length() > THREAD_WIDTH) {
			line.append(thread, thread.length() - THREAD_WIDTH, thread.length());
			return;
		}
		for (int i = thread.length(); i < THREAD_WIDTH; i++) {
			line.append(' ');
		}
		line.append(thread);
	}

	/**
	 * {@code %-40.40logger{39}} of a name of at most 39 characters: left-aligned in 40.
	 */
	private String paddedLogger(String logger) {
		PaddedLogger last = this.lastLogger;
		if (!last.name().equals(logger)) {
			last = new PaddedLogger(logger, logger + " ".repeat(LOGGER_WIDTH - logger.length()));
			this.lastLogger = last;
		}
		return last.padded();
	}

	private record Second(long epochSecond, String upToMillis, String offset) {
	}

	private record PaddedLogger(String name, String padded) {
	}

}
