package io.gatehouse.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.gatehouse.support.RequiredService;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

/**
 * A {@link RedisState} on the machine's Redis with a key prefix of its own, as one
 * instance would have; {@link #close()} deletes every key the test wrote.
 */
final class TestRedis implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	static final int PORT = 6379;

	private final ClientResources resources = DefaultClientResources.create();

	private final String prefix;

	private final int port;

	private final RedisState state;

	private TestRedis(int port, String prefix) {
		this.port = port;
		this.prefix = prefix;
		this.state = new RedisState(RedisState.client(this.resources, RedisURI.create(HOST, port),
				Duration.ofMillis(500), Duration.ofMillis(500)), prefix, Clock.systemUTC());
	}

	/** The machine's Redis, skipping (or failing in CI) when it is not running. */
	static TestRedis machine() {
		RequiredService.assumeReachable("Redis", HOST, PORT);
		return new TestRedis(PORT, newPrefix());
	}

	/** A redis-server a test started (see {@link TestRedisServer}). */
	static TestRedis on(int port) {
		return new TestRedis(port, newPrefix());
	}

	/** Another instance on the same Redis and the same prefix. */
	TestRedis peer() {
		return new TestRedis(this.port, this.prefix);
	}

	/** A port nothing listens on: Redis is down. */
	static TestRedis unreachable() {
		return new TestRedis(freePort(), newPrefix());
	}

	static boolean reachable(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static String newPrefix() {
		return "gh-test-" + UUID.randomUUID() + ":";
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	RedisState state() {
		return this.state;
	}

	String prefix() {
		return this.prefix;
	}

	/** Milliseconds the key (without prefix) has left; -2 when it does not exist. */
	long pttl(String key) {
		return this.state.call("read a ttl", (redis) -> redis.pttl(this.prefix + key));
	}

	@Override
	public void close() {
		try {
			deleteKeys(this.port, this.prefix);
		}
		finally {
			this.state.close();
			this.resources.shutdown();
		}
	}

	static void deleteKeys(int port, String prefix) {
		if (!reachable(port)) {
			return;
		}
		RedisClient client = RedisClient.create(RedisURI.create(HOST, port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = connection.sync()
					.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
				if (!page.getKeys().isEmpty()) {
					connection.sync().del(page.getKeys().toArray(String[]::new));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
		}
		finally {
			client.shutdown();
		}
	}

}
