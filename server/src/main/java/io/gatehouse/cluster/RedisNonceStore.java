package io.gatehouse.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.gatehouse.appsig.NonceStore;
import io.lettuce.core.SetArgs;

/**
 * The replay guard shared by every instance:
 * {@code SET <prefix>nonce:<kid>:<nonce> 1 NX PX
 * ttl} is atomic in Redis, so of two instances that see the same pair at the same moment
 * exactly one is first. The key expires with the nonce's window, so Redis holds at most
 * one key per signed request of the last {@code ttl}.
 */
final class RedisNonceStore implements NonceStore {

	private static final byte[] USED = "1".getBytes(StandardCharsets.US_ASCII);

	private final RedisState redis;

	RedisNonceStore(RedisState redis) {
		this.redis = redis;
	}

	@Override
	public boolean firstUse(String kid, String nonce, Duration ttl) {
		String key = this.redis.key("nonce:" + kid + ":" + nonce);
		String reply = this.redis.call("record a nonce", (redis) -> redis.set(key, USED, SetArgs.Builder.nx().px(ttl)));
		return "OK".equals(reply);
	}

}
