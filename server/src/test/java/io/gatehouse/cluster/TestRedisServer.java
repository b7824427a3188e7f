package io.gatehouse.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.gatehouse.support.RequiredService;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;

/**
 * A throwaway {@code redis-server} on a free port, which a test may stop and start again
 * on the same port, to show what an outage does; the machine's Redis on 6379 is never
 * touched. It keeps nothing on disk, so a restart comes back empty, as a Redis without
 * persistence would.
 */
final class TestRedisServer implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/bin/redis-server");

	private final int port = TestRedis.freePort();

	private Process process;

	/** Starts one, skipping (or failing in CI) when the binary is not installed. */
	static TestRedisServer start() {
		TestRedisServer server = notStarted();
		server.startAgain();
		return server;
	}

	/** One whose port is chosen but which does not run until {@link #startAgain()}. */
	static TestRedisServer notStarted() {
		if (!Files.isExecutable(BINARY)) {
			String message = BINARY + " is not installed";
			if (RequiredService.required()) {
				Assertions.fail(message + " and GATEHOUSE_REQUIRE_SERVICES is set");
			}
			Assumptions.abort(message);
		}
		return new TestRedisServer();
	}

	int port() {
		return this.port;
	}

	void startAgain() {
		try {
			this.process = new ProcessBuilder(List.of(BINARY.toString(), "--port", String.valueOf(this.port), "--bind",
					TestRedis.HOST, "--save", "", "--appendonly", "no", "--daemonize", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start " + BINARY, ex);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> TestRedis.reachable(this.port));
	}

	void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
		await().atMost(Duration.ofSeconds(10)).until(() -> !TestRedis.reachable(this.port));
	}

	@Override
	public void close() {
		stop();
	}

}
