package io.gatehouse.request;

import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * Boot's structured (JSON) log encoder with each line built as a {@code String} and then
 * encoded in one call. Boot's own encoder writes the JSON into an {@code Appendable} that
 * encodes every character on its own, with a one-character array, a {@code CharBuffer}
 * and a {@code CharsetEncoder} call each. In a profile of the username check with JSON
 * logs, that per-character encoding took 5.7 % of the request threads' CPU (decision
 * 0014).
 * <p>
 * The formatter is Boot's, the very one the encoder made: the same fields, names and
 * customisations ({@code logging.structured.*}). Only the way from its text to bytes
 * differs: {@link StructuredLogFormatter#format}, which every formatter has, then
 * {@link String#getBytes(Charset)}, which is what the formatter interface's own default
 * does. The bytes are the same (StructuredLineEncoderTests).
 * <p>
 * Boot does not expose the formatter its encoder made, so it is read from the encoder's
 * private field. If a Boot version has no such field, {@link #of} returns the encoder
 * unchanged: lines are written as before, only slower, and a test fails to say so.
 */
final class StructuredLineEncoder extends EncoderBase<ILoggingEvent> {

	/**
	 * Where Boot's own formatters live ({@code ecs}, {@code logstash}, {@code gelf}). A
	 * formatter of the application's own may give other bytes than its {@code format}
	 * text, so it keeps Boot's encoder.
	 */
	private static final String BOOT_FORMATTERS = "org.springframework.boot.logging.";

	private final StructuredLogFormatter<ILoggingEvent> formatter;

	private final Charset charset;

	private StructuredLineEncoder(StructuredLogFormatter<ILoggingEvent> formatter, Charset charset) {
		this.formatter = formatter;
		this.charset = charset;
	}

	/**
	 * This encoder in place of a started {@link StructuredLogEncoder} with one of Boot's
	 * formatters; any other encoder (Boot's text pattern, a subclass, an encoder or a
	 * formatter of the application's own) as it is.
	 */
	static Encoder<ILoggingEvent> of(Encoder<ILoggingEvent> encoder) {
		if (encoder == null || encoder.getClass() != StructuredLogEncoder.class || !encoder.isStarted()) {
			return encoder;
		}
		StructuredLogEncoder structured = (StructuredLogEncoder) encoder;
		if (!(field(structured, "formatter") instanceof StructuredLogFormatter<?> formatter)
				|| !formatter.getClass().getName().startsWith(BOOT_FORMATTERS)) {
			return encoder;
		}
		Charset charset = (field(structured, "charset") instanceof Charset set) ? set : StandardCharsets.UTF_8;
		@SuppressWarnings("unchecked")
		StructuredLineEncoder lines = new StructuredLineEncoder((StructuredLogFormatter<ILoggingEvent>) formatter,
				charset);
		lines.setContext(structured.getContext());
		lines.start();
		return lines;
	}

	private static Object field(StructuredLogEncoder encoder, String name) {
		try {
			Field field = StructuredLogEncoder.class.getDeclaredField(name);
			field.setAccessible(true);
			return field.get(encoder);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public byte[] headerBytes() {
		return null;
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		return this.formatter.format(event).getBytes(this.charset);
	}

	@Override
	public byte[] footerBytes() {
		return null;
	}

}
