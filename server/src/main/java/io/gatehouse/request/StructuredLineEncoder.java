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
 * encodes what it is given as it arrives, and its string escaping appends one character
 * at a time: a one-character array, a {@code CharBuffer} and a {@code CharsetEncoder}
 * call each. In a profile of the username check with JSON logs, that encoding took 5.7 %
 * of the request threads' CPU (decision 0014).
 * <p>
 * The formatter is Boot's, the very one the encoder made: the same fields, names and
 * customisations ({@code logging.structured.*}). Only the way from its text to bytes
 * differs: {@link StructuredLogFormatter#format}, then {@link String#getBytes(Charset)}
 * in the encoder's charset. The bytes are the same (StructuredLineEncoderTests).
 * <p>
 * Boot does not expose the formatter and charset its encoder holds, so they are read from
 * the encoder's private fields. If a Boot version has no such fields, {@link #of} returns
 * the encoder unchanged and says so in Logback's status: lines are written as before,
 * only slower, and a test fails.
 */
final class StructuredLineEncoder extends EncoderBase<ILoggingEvent> {

	/**
	 * Where Boot's own formatters live ({@code ecs}, {@code logstash}, {@code gelf}). A
	 * formatter of the application's own may give other bytes than its {@code format}
	 * text, so it keeps Boot's encoder.
	 */
	private static final String BOOT_FORMATTERS = "org.springframework.boot.logging.";

	/** A field of Boot's encoder that this Boot version does not have, or hides. */
	private static final Object MISSING = new Object();

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
		Object formatter = bootEncoderField(structured, "formatter");
		Object charset = bootEncoderField(structured, "charset");
		if (formatter == MISSING || charset == MISSING) {
			structured.addWarn("Access lines keep Boot's structured encoder: its fields formatter and charset "
					+ "were not found (see Gatehouse's decision 0014)");
			return encoder;
		}
		if (!(formatter instanceof StructuredLogFormatter<?> bootFormatter)
				|| !bootFormatter.getClass().getName().startsWith(BOOT_FORMATTERS)) {
			return encoder;
		}
		// A null charset is UTF-8 to Boot's encoder too.
		@SuppressWarnings("unchecked")
		StructuredLineEncoder lines = new StructuredLineEncoder((StructuredLogFormatter<ILoggingEvent>) bootFormatter,
				(charset instanceof Charset set) ? set : StandardCharsets.UTF_8);
		lines.setContext(structured.getContext());
		lines.start();
		return lines;
	}

	/** The value of a private field of Boot's encoder, or {@link #MISSING}. */
	private static Object bootEncoderField(StructuredLogEncoder encoder, String name) {
		try {
			Field field = StructuredLogEncoder.class.getDeclaredField(name);
			field.setAccessible(true);
			return field.get(encoder);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return MISSING;
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
