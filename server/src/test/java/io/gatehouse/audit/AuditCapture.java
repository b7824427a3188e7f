package io.gatehouse.audit;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.LoggerFactory;

/**
 * The events written to the {@code gatehouse.audit} logger while it is open, read back as
 * an operator's log pipeline would: each message parsed as JSON. Attached to the logger
 * itself, so it sees the events whatever the console layout is.
 */
public final class AuditCapture implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private AuditCapture() {
	}

	public static AuditCapture start() {
		AuditCapture capture = new AuditCapture();
		capture.appender.start();
		capture.logger.addAppender(capture.appender);
		return capture;
	}

	/** Every event so far, parsed. */
	public List<JsonNode> events() {
		return messages().stream().map(JSON::readTree).toList();
	}

	/** The events of one request, by its {@code x-request-id}. */
	public List<JsonNode> forRequest(String requestId) {
		return events().stream()
			.filter((event) -> event.hasNonNull("requestId") && requestId.equals(event.get("requestId").asString()))
			.toList();
	}

	/** The raw messages, to assert what they never contain. */
	public List<String> messages() {
		// Logback appends under the appender's own lock (AppenderBase.doAppend).
		synchronized (this.appender) {
			return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		}
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
	}

}
