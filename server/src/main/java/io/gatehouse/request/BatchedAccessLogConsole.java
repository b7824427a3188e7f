package io.gatehouse.request;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the access log's lines to the console in batches. Every request logs one line,
 * and written as it is logged each line is a {@code write(2)} of its own, made on the
 * request thread under the console's lock: a profile of the username check put that
 * system call at 3 % of the request threads' CPU, more than the app-signature HMAC
 * (docs/benchmarks.md).
 * <p>
 * While the server runs, logger {@code gatehouse.access} writes through its own copy of
 * Boot's console appender: the same encoder (text or structured, whichever
 * {@code logging.structured.format.console} chose; a structured one through
 * {@link StructuredLineEncoder}, Boot's default text pattern through
 * {@link TextLineEncoder}) and filters, into an 8 KiB buffer that is written to
 * {@code System.out} when full and at least every
 * {@code gatehouse.access-log.flush-interval} (100 ms). Under load a batch holds some 30
 * text lines, or 13 JSON ones. Every request is still logged, and its line still records
 * the final status and duration; it may reach the console up to one flush interval late,
 * and a hard crash (SIGKILL, an out-of-memory kill) loses what waits in the buffer. An
 * orderly stop writes it: this bean's {@link #stop()}, and Boot's logging shutdown, which
 * stops the appender.
 * <p>
 * Only the access line: every other line, warnings and errors above all, is still written
 * as it is logged. Nothing changes when the interval is {@code 0}, when logging is not
 * Boot's Logback console on {@code System.out}, or when the access logger was configured
 * on its own (not additive); the access logger's other appenders (a log file) get its
 * lines as before.
 */
@Component
public class BatchedAccessLogConsole implements SmartLifecycle {

	/**
	 * Boot's console appender (its logback defaults,
	 * {@code DefaultLogbackConfiguration}).
	 */
	static final String BOOT_CONSOLE = "CONSOLE";

	static final String NAME = "ACCESS_LOG_CONSOLE";

	private static final int BUFFER_BYTES = 8192;

	private final long flushMillis;

	private final ILoggerFactory loggers;

	private volatile Installed installed;

	@Autowired
	public BatchedAccessLogConsole(AccessLogProperties properties) {
		this(properties, LoggerFactory.getILoggerFactory());
	}

	BatchedAccessLogConsole(AccessLogProperties properties, ILoggerFactory loggers) {
		this.flushMillis = properties.flushInterval().toMillis();
		this.loggers = loggers;
	}

	@Override
	public synchronized void start() {
		if (this.installed != null || this.flushMillis <= 0 || !(this.loggers instanceof LoggerContext context)) {
			return;
		}
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		Logger access = context.getLogger(AccessLog.LOGGER);
		if (!(root.getAppender(BOOT_CONSOLE) instanceof ConsoleAppender<ILoggingEvent> console)
				|| !ConsoleTarget.SystemOut.getName().equals(console.getTarget()) || !access.isAdditive()
				|| access.getAppender(NAME) != null) {
			return;
		}
		SystemOutBuffer buffer = new SystemOutBuffer(BUFFER_BYTES);
		OutputStreamAppender<ILoggingEvent> batched = new OutputStreamAppender<>();
		batched.setContext(context);
		batched.setName(NAME);
		// Encoders are shared safely: Logback encodes outside the appender's lock, so one
		// encoder already serves every request thread at once. A structured (JSON) one is
		// taken with its formatter, minus Boot's per-character encoding; Boot's default
		// text pattern is written without its converter chain. Each leaves any other
		// encoder as it is.
		batched.setEncoder(TextLineEncoder.of(StructuredLineEncoder.of(console.getEncoder())));
		console.getCopyOfAttachedFiltersList().forEach(batched::addFilter);
		batched.setImmediateFlush(false);
		batched.setOutputStream(buffer);
		batched.start();
		// The access logger stops handing its lines to the root's appenders and gets them
		// itself: the console through the buffer, any other (a log file) as before. Added
		// before additivity goes off (and removed after it is back on in stop), so a line
		// logged meanwhile is written twice rather than lost.
		List<Appender<ILoggingEvent>> added = new ArrayList<>();
		root.iteratorForAppenders()
			.forEachRemaining((appender) -> added.add((appender == console) ? batched : appender));
		added.forEach(access::addAppender);
		access.setAdditive(false);
		ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "access-log-flush");
			thread.setDaemon(true);
			return thread;
		});
		flusher.scheduleWithFixedDelay(buffer::flushQuietly, this.flushMillis, this.flushMillis, TimeUnit.MILLISECONDS);
		this.installed = new Installed(access, batched, added, flusher);
	}

	@Override
	public synchronized void stop() {
		Installed current = this.installed;
		this.installed = null;
		if (current == null) {
			return;
		}
		current.flusher().shutdownNow();
		// Unless logging was reset since, which already detached and stopped the
		// appender.
		if (current.access().getAppender(NAME) == current.batched()) {
			current.access().setAdditive(true);
			current.added().forEach(current.access()::detachAppender);
		}
		current.batched().stop();
	}

	@Override
	public boolean isRunning() {
		return this.installed != null;
	}

	/** Whether the access log writes through the buffer now. */
	boolean isBatching() {
		Installed current = this.installed;
		return current != null && current.access().getAppender(NAME) == current.batched();
	}

	private record Installed(Logger access, OutputStreamAppender<ILoggingEvent> batched,
			List<Appender<ILoggingEvent>> added, ScheduledExecutorService flusher) {
	}

	/**
	 * A buffer in front of Logback's own {@code System.out} target, which writes to
	 * whatever {@code System.out} is at the time (so output capture in tests still sees
	 * the lines). Closing it writes what it holds and leaves {@code System.out} open.
	 * {@link BufferedOutputStream} locks each call, so the flusher thread and the
	 * appender may use it at once; it writes whole lines only, since each line arrives in
	 * one {@code write} call.
	 */
	static final class SystemOutBuffer extends BufferedOutputStream {

		SystemOutBuffer(int size) {
			super(ConsoleTarget.SystemOut.getStream(), size);
		}

		void flushQuietly() {
			try {
				flush();
			}
			catch (IOException ex) {
				// System.out never throws (PrintStream keeps an error flag instead).
			}
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
