package io.gatehouse.request;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The access log's batched console, on a Logback context of its own with Boot's console
 * appender name, and {@code System.out} captured.
 */
class BatchedAccessLogConsoleTests {

	private static final Duration HELD = Duration.ofSeconds(10);

	private final LoggerContext context = new LoggerContext();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private PrintStream systemOut;

	private BatchedAccessLogConsole batching;

	@BeforeEach
	void bootConsole() {
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		this.systemOut = System.out;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%level %logger %msg%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(this.context);
		console.setName(BatchedAccessLogConsole.BOOT_CONSOLE);
		console.setEncoder(encoder);
		console.start();
		root().addAppender(console);
	}

	@AfterEach
	void restore() {
		if (this.batching != null) {
			this.batching.stop();
		}
		this.context.stop();
		System.setOut(this.systemOut);
	}

	@Test
	void accessLineWhenBatchingThenHeldUntilStopWritesIt() {
		start(HELD);

		access().info("requestId=held-1 status=200");
		assertThat(this.batching.isBatching()).isTrue();
		assertThat(output()).doesNotContain("held-1");

		this.batching.stop();
		assertThat(output()).isEqualTo("INFO gatehouse.access requestId=held-1 status=200\n");
	}

	@Test
	void accessLineWhenFlushIntervalPassesThenWritten() {
		start(Duration.ofMillis(50));

		access().info("requestId=flushed-1 status=200");

		await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("requestId=flushed-1"));
	}

	@Test
	void otherLoggersWhenBatchingThenWrittenAtOnce() {
		start(HELD);

		access().info("requestId=held-2");
		this.context.getLogger("io.gatehouse.other").warn("disk almost full");

		assertThat(output()).isEqualTo("WARN io.gatehouse.other disk almost full\n");
	}

	@Test
	void linesFromManyThreadsWhenBatchedThenEachWrittenWholeExactlyOnce() throws Exception {
		start(Duration.ofMillis(5));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			int id = thread;
			done.add(threads.submit(() -> {
				for (int i = 0; i < 5_000; i++) {
					access().info("requestId=t{}-{} path=/api/customers/check-username/{username} status=200", id, i);
				}
			}));
		}
		for (Future<?> each : done) {
			each.get();
		}
		threads.shutdown();
		this.batching.stop();

		List<String> lines = Arrays.asList(output().split("\n", -1));
		assertThat(lines.get(lines.size() - 1)).as("ends with a whole line").isEmpty();
		Map<String, Long> counts = lines.subList(0, lines.size() - 1)
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(counts).hasSize(40_000).allSatisfy((line, count) -> {
			assertThat(line).matches(
					"INFO gatehouse\\.access requestId=t[0-7]-[0-9]{1,4} path=/api/customers/check-username/\\{username} status=200");
			assertThat(count).isOne();
		});
	}

	@Test
	void rootsOtherAppenderWhenBatchingThenStillGetsEveryAccessLine() {
		ListAppender<ILoggingEvent> file = listAppender();
		root().addAppender(file);
		start(HELD);

		access().info("requestId=to-file");

		assertThat(file.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("requestId=to-file");
	}

	@Test
	void stopWhenBatchingThenAccessLoggerWritesThroughTheRootAgain() {
		start(HELD);
		this.batching.stop();

		access().info("requestId=after-stop");

		assertThat(access().isAdditive()).isTrue();
		assertThat(access().iteratorForAppenders().hasNext()).isFalse();
		assertThat(output()).isEqualTo("INFO gatehouse.access requestId=after-stop\n");
	}

	@Test
	void structuredConsoleWhenBatchedThenAccessLineIsBootsJsonWithItsFields() {
		bootJsonConsole();
		start(HELD);

		access().atInfo().addKeyValue("status", 200).log("requestId=json-1");
		this.batching.stop();

		assertThat(output()).endsWith("}\n").containsOnlyOnce("\n");
		JsonNode line = JsonMapper.builder().build().readTree(output());
		assertThat(line.get("message").asString()).isEqualTo("requestId=json-1");
		assertThat(line.get("status").asInt()).isEqualTo(200);
		assertThat(line.get("log").get("logger").asString()).isEqualTo(AccessLog.LOGGER);
	}

	@Test
	void structuredConsoleWhenBatchedThenEncodedWholeNotCharacterByCharacter() {
		bootJsonConsole();
		start(HELD);

		Appender<ILoggingEvent> batched = access().getAppender(BatchedAccessLogConsole.NAME);

		assertThat(((OutputStreamAppender<ILoggingEvent>) batched).getEncoder())
			.isInstanceOf(StructuredLineEncoder.class);
	}

	@Test
	void flushIntervalZeroThenEachLineWrittenAsLogged() {
		start(Duration.ZERO);

		access().info("requestId=unbatched");

		assertThat(this.batching.isBatching()).isFalse();
		assertThat(output()).isEqualTo("INFO gatehouse.access requestId=unbatched\n");
	}

	@Test
	void accessLoggerConfiguredOnItsOwnThenLeftAlone() {
		ListAppender<ILoggingEvent> own = listAppender();
		access().addAppender(own);
		access().setAdditive(false);
		start(HELD);

		access().info("requestId=own-appender");

		assertThat(this.batching.isBatching()).isFalse();
		assertThat(own.list).hasSize(1);
		assertThat(output()).isEmpty();
	}

	@Test
	void bootConsoleOnSystemErrThenLeftAlone() {
		((ConsoleAppender<ILoggingEvent>) root().getAppender(BatchedAccessLogConsole.BOOT_CONSOLE))
			.setTarget("System.err");
		start(HELD);

		assertThat(this.batching.isBatching()).isFalse();
		assertThat(access().isAdditive()).isTrue();
	}

	@Test
	void loggingResetWhileBatchingThenStopLeavesTheNewConfigurationAlone() {
		start(HELD);
		// As a re-initialisation of logging does, before it configures anew.
		this.context.reset();
		ListAppender<ILoggingEvent> reconfigured = listAppender();
		access().addAppender(reconfigured);
		access().setAdditive(false);

		this.batching.stop();
		access().info("requestId=reconfigured");

		assertThat(access().isAdditive()).isFalse();
		assertThat(reconfigured.list).hasSize(1);
	}

	@Test
	void flushIntervalWhenNegativeOrOverTenSecondsThenRefused() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(PropertiesOnly.class);

		runner.withPropertyValues("gatehouse.access-log.flush-interval=-1ms")
			.run((started) -> assertThat(started).hasFailed());
		runner.withPropertyValues("gatehouse.access-log.flush-interval=11s")
			.run((started) -> assertThat(started).hasFailed());
		runner.withPropertyValues("gatehouse.access-log.flush-interval=0")
			.run((started) -> assertThat(started.getBean(AccessLogProperties.class).flushInterval()).isZero());
		runner.run((started) -> assertThat(started.getBean(AccessLogProperties.class).flushInterval())
			.isEqualTo(Duration.ofMillis(100)));
	}

	/**
	 * Boot's console with JSON lines, as {@code logging.structured.format.console=ecs}
	 * sets it up.
	 */
	private void bootJsonConsole() {
		this.context.putObject(Environment.class.getName(), new MockEnvironment());
		StructuredLogEncoder json = new StructuredLogEncoder();
		json.setContext(this.context);
		json.setFormat("ecs");
		json.start();
		((ConsoleAppender<ILoggingEvent>) root().getAppender(BatchedAccessLogConsole.BOOT_CONSOLE)).setEncoder(json);
	}

	private void start(Duration flushInterval) {
		this.batching = new BatchedAccessLogConsole(new AccessLogProperties(flushInterval), this.context);
		this.batching.start();
	}

	private ListAppender<ILoggingEvent> listAppender() {
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.setContext(this.context);
		appender.start();
		return appender;
	}

	private Logger root() {
		return this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	private Logger access() {
		Logger access = this.context.getLogger(AccessLog.LOGGER);
		access.setLevel(Level.INFO);
		return access;
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	@EnableConfigurationProperties(AccessLogProperties.class)
	static class PropertiesOnly {

	}

}
