package io.gatehouse.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.gatehouse.appsig.NonceFingerprint;
import io.gatehouse.appsig.NonceStore;
import io.gatehouse.appsig.ReplayState;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

/**
 * The replay guard shared by every instance, with the in-memory guard's rule
 * (docs/decisions/0008): each nonce's keyed fingerprint goes into a Redis set per second
 * of its signed {@code ts} ({@code <prefix>replay:b:<second>}), which expires whole once
 * that second is past the skew. One Lua script checks and records atomically, so of two
 * instances that see the same pair at the same moment exactly one is first; it keeps the
 * count per bucket and in total, and the floor and ceiling, in Redis, and at the bound
 * forgets the oldest bucket and raises the floor in the same step. Redis holds about 56
 * bytes per fingerprint (a set member, Redis 7.0); the bound counts 64.
 */
final class RedisNonceStore implements NonceStore {

	/** Redis memory counted per remembered nonce. */
	static final long BYTES_PER_NONCE = 64;

	private static final String SCRIPT = script();

	private final RedisState redis;

	private final NonceFingerprint fingerprints;

	private final Clock clock;

	private final long maxSkew;

	private final long minSkew;

	private final long maxNonces;

	private final long futureCap;

	private volatile String sha;

	RedisNonceStore(RedisState redis, NonceFingerprint fingerprints, Clock clock, Duration maxSkew, Duration minSkew,
			long maxBytes) {
		this.redis = redis;
		this.fingerprints = fingerprints;
		this.clock = clock;
		this.maxSkew = maxSkew.toMillis();
		this.minSkew = minSkew.toMillis();
		this.maxNonces = maxBytes / BYTES_PER_NONCE;
		long futureBuckets = (this.maxSkew - this.minSkew) / 1000 + 2;
		this.futureCap = Math.max(1, this.maxNonces / 4 / futureBuckets);
	}

	@Override
	public Use firstUse(String kid, String nonce, long ts) {
		long now = this.clock.millis();
		if (ts < now - this.maxSkew || ts > now + this.maxSkew) {
			return Use.OUTSIDE_WINDOW;
		}
		String[] keys = { this.redis.key("replay:state"), this.redis.key("replay:buckets"),
				this.redis.key("replay:counts") };
		byte[][] args = { ascii(this.redis.key("replay:b:")), ascii(Math.floorDiv(ts, 1000)),
				ByteBuffer.allocate(8).putLong(this.fingerprints.of(kid, nonce)).array(), ascii(now),
				ascii(this.maxSkew), ascii(this.minSkew), ascii(this.maxNonces), ascii(this.futureCap), ascii(1000) };
		Long answer = this.redis.call("record a nonce", (redis) -> {
			String loaded = this.sha;
			if (loaded == null) {
				loaded = redis.scriptLoad(SCRIPT);
				this.sha = loaded;
			}
			try {
				return redis.<Long>evalsha(loaded, ScriptOutputType.INTEGER, keys, args);
			}
			catch (RedisNoScriptException ex) {
				// Redis restarted or flushed its scripts.
				this.sha = null;
				return redis.<Long>eval(SCRIPT, ScriptOutputType.INTEGER, keys, args);
			}
		});
		return switch (answer.intValue()) {
			case 0 -> Use.FIRST;
			case 1 -> Use.REPLAYED;
			case 2 -> Use.OUTSIDE_WINDOW;
			default -> throw RedisState.unavailable("record a nonce",
					new IllegalStateException("replay memory full within min-clock-skew of now"));
		};
	}

	@Override
	public ReplayState state() {
		long now = this.clock.millis();
		List<KeyValue<String, byte[]>> fields = this.redis.call("read the replay state",
				(redis) -> redis.hmget(this.redis.key("replay:state"), "total", "floor", "ceiling"));
		long total = number(fields.get(0), 0);
		long floor = number(fields.get(1), 0) * 1000;
		long ceiling = number(fields.get(2), -1);
		long from = Math.max(now - this.maxSkew, floor);
		long to = (ceiling < 0 || ceiling * 1000 <= now + this.minSkew) ? now + this.maxSkew
				: Math.min(now + this.maxSkew, ceiling * 1000 - 1);
		return new ReplayState(total * BYTES_PER_NONCE, total, Math.min(0, from - now), Math.max(0, to - now));
	}

	private static long number(KeyValue<String, byte[]> field, long absent) {
		return field.hasValue() ? Long.parseLong(new String(field.getValue(), StandardCharsets.US_ASCII)) : absent;
	}

	private static byte[] ascii(Object value) {
		return String.valueOf(value).getBytes(StandardCharsets.US_ASCII);
	}

	private static String script() {
		try (InputStream in = RedisNonceStore.class.getResourceAsStream("/redis/replay-first-use.lua")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("replay-first-use.lua missing from the classpath", ex);
		}
	}

}
