package io.gatehouse.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class RedisEvictionHealthIndicatorTests {

	private TestRedisServer server;

	private TestRedis redis;

	@AfterEach
	void stop() {
		if (this.redis != null) {
			this.redis.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void reasonWhenInfoWithoutPolicyOrWithAnEvictingOneThenOneLine() {
		assertThat(RedisEvictionHealthIndicator.reason("# Memory\r\nmaxmemory_policy:noeviction\r\n")).isEmpty();
		assertThat(RedisEvictionHealthIndicator.reason("# Memory\r\nmaxmemory_policy:volatile-ttl\r\n"))
			.isEqualTo("Redis maxmemory-policy is volatile-ttl: it could evict replay buckets and revocations;"
					+ " set it to noeviction")
			.doesNotContain("\n");
		assertThat(RedisEvictionHealthIndicator.reason("# Memory\r\n")).isNotEmpty();
	}

	/** A redis-server of the test's own, so the machine's policy is never changed. */
	@Test
	void healthWhenRedisEvictsThenOutOfServiceWithReasonAndUpAgainUnderNoeviction() {
		this.server = TestRedisServer.start();
		this.redis = TestRedis.on(this.server.port());
		RedisEvictionHealthIndicator indicator = new RedisEvictionHealthIndicator(this.redis.state());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

		this.redis.state().call("set the policy", (redis) -> redis.configSet("maxmemory-policy", "allkeys-lru"));
		Health health = indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails().get("reason").toString()).startsWith("Redis maxmemory-policy is allkeys-lru");

		this.redis.state().call("set the policy", (redis) -> redis.configSet("maxmemory-policy", "noeviction"));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void healthWhenRedisUnreachableThenOutOfService() {
		this.redis = TestRedis.unreachable();
		assertThat(new RedisEvictionHealthIndicator(this.redis.state()).health().getStatus())
			.isEqualTo(Status.OUT_OF_SERVICE);
	}

}
