package io.gatehouse.cluster;

import java.util.function.Supplier;

import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;

/**
 * Bucket4j's view of Redis, asking for the connection on every command rather than once
 * at start, so the rate limiter works as soon as Redis is reachable. Generic in the key
 * type because Bucket4j passes its keys as an {@code Object[]}.
 */
final class LazyRedisApi<K> implements RedisApi<K> {

	private final Supplier<RedisAsyncCommands<K, byte[]>> commands;

	LazyRedisApi(Supplier<RedisAsyncCommands<K, byte[]>> commands) {
		this.commands = commands;
	}

	@Override
	public <V> RedisFuture<V> eval(String script, ScriptOutputType scriptOutputType, K[] keys, byte[][] params) {
		return this.commands.get().eval(script, scriptOutputType, keys, params);
	}

	@Override
	public RedisFuture<byte[]> get(K key) {
		return this.commands.get().get(key);
	}

	@Override
	public RedisFuture<?> delete(K key) {
		return this.commands.get().del(key);
	}

}
