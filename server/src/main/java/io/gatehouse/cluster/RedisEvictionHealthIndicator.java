package io.gatehouse.cluster;

import java.util.concurrent.atomic.AtomicReference;

import io.gatehouse.errors.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness: an instance is not ready while Redis's {@code maxmemory-policy} could evict
 * Gatehouse's keys. Evicting a replay bucket would let its requests be replayed, and
 * evicting a revocation would let a logged-out token work again; only {@code noeviction}
 * keeps them (a full Redis then answers errors, which Gatehouse turns into 503). The
 * policy is read from {@code INFO memory}, which works where managed services disable
 * {@code CONFIG}.
 */
final class RedisEvictionHealthIndicator implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(RedisEvictionHealthIndicator.class);

	private final RedisState redis;

	private final AtomicReference<String> lastReason = new AtomicReference<>("");

	RedisEvictionHealthIndicator(RedisState redis) {
		this.redis = redis;
	}

	@Override
	public Health health() {
		String reason;
		try {
			reason = reason(this.redis.call("read INFO memory", (redis) -> redis.info("memory")));
		}
		catch (StateUnavailableException ex) {
			reason = "Redis unreachable: " + ex.getMessage();
		}
		if (!reason.equals(this.lastReason.getAndSet(reason)) && !reason.isEmpty()) {
			log.warn("Not ready: {}", reason);
		}
		return reason.isEmpty() ? Health.up().build() : Health.outOfService().withDetail("reason", reason).build();
	}

	/** Empty when the policy is {@code noeviction}, else the one-line reason. */
	static String reason(String info) {
		String policy = null;
		for (String line : info.split("\r?\n")) {
			if (line.startsWith("maxmemory_policy:")) {
				policy = line.substring("maxmemory_policy:".length()).trim();
			}
		}
		if (policy == null) {
			return "Redis INFO memory names no maxmemory_policy";
		}
		if (!"noeviction".equals(policy)) {
			return "Redis maxmemory-policy is " + policy
					+ ": it could evict replay buckets and revocations; set it to noeviction";
		}
		return "";
	}

}
