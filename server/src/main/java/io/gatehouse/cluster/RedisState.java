package io.gatehouse.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import io.gatehouse.errors.StateUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;

/**
 * The one Lettuce connection an instance uses for its shared state. Lettuce multiplexes
 * every thread's commands over it and reconnects by itself after Redis comes back; this
 * class adds the first connect, done lazily so that an instance starts (not ready) while
 * Redis is down, and the translation of every Redis failure into
 * {@link StateUnavailableException}, so that callers fail closed.
 */
final class RedisState implements AutoCloseable {

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	/**
	 * After a failed connect, callers fail at once for this long instead of queueing up.
	 */
	private static final Duration CONNECT_BACKOFF = Duration.ofMillis(500);

	private final RedisClient client;

	private final String keyPrefix;

	private final Clock clock;

	private final Object connectLock = new Object();

	private volatile StatefulRedisConnection<String, byte[]> connection;

	private volatile Instant lastConnectFailure = Instant.MIN;

	RedisState(RedisClient client, String keyPrefix, Clock clock) {
		this.client = client;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
	}

	/**
	 * A client that fails fast: commands are rejected while disconnected (instead of
	 * queueing until they time out), every command has {@code timeout}, and the
	 * connection is re-established by Lettuce in the background.
	 */
	static RedisClient client(ClientResources resources, RedisURI uri, Duration connectTimeout, Duration timeout) {
		RedisClient client = RedisClient.create(resources, uri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return client;
	}

	/** The full Redis key of a Gatehouse key: the deployment's prefix, then the key. */
	String key(String key) {
		return this.keyPrefix + key;
	}

	/**
	 * Runs a synchronous command; any Redis failure becomes
	 * {@link StateUnavailableException}.
	 */
	<T> T call(String what, Function<RedisCommands<String, byte[]>, T> command) {
		try {
			return command.apply(connection().sync());
		}
		catch (RedisException ex) {
			throw unavailable(what, ex);
		}
	}

	/**
	 * The asynchronous API, for Bucket4j; connect failures surface as
	 * {@link RedisException}.
	 */
	RedisAsyncCommands<String, byte[]> async() {
		return connection().async();
	}

	static StateUnavailableException unavailable(String what, Throwable cause) {
		return new StateUnavailableException("Redis could not " + what + ": " + cause.getClass().getSimpleName(),
				cause);
	}

	private StatefulRedisConnection<String, byte[]> connection() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			return current;
		}
		synchronized (this.connectLock) {
			if (this.connection == null) {
				if (this.clock.instant().isBefore(this.lastConnectFailure.plus(CONNECT_BACKOFF))) {
					throw new RedisException("Not connected; the last attempt failed moments ago");
				}
				try {
					this.connection = this.client.connect(CODEC);
				}
				catch (RedisException ex) {
					this.lastConnectFailure = this.clock.instant();
					throw ex;
				}
			}
			return this.connection;
		}
	}

	@Override
	public void close() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			current.close();
		}
		this.client.shutdown();
	}

}
