package io.gatehouse.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.gatehouse.appsig.AppSignatureProperties;
import io.gatehouse.appsig.NonceFingerprint;
import io.gatehouse.appsig.NonceStore;
import io.gatehouse.auth.RevokedSessionStore;
import io.gatehouse.auth.TokenProperties;
import io.gatehouse.csrf.CsrfProperties;
import io.gatehouse.ratelimit.RateLimiter;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Profile {@code cluster}: the shared state of docs/contract.md §1 (nonces, revoked
 * sessions, rate-limit buckets) in Redis, so any instance behind the load balancer can
 * answer any request. Redis failures answer 503 quickly (short timeouts, commands
 * rejected while disconnected) and Lettuce reconnects within a second of Redis coming
 * back.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
class ClusterConfig {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

	/** Runs before any other bean is made, so a misconfigured instance never serves. */
	@Bean
	static BeanFactoryPostProcessor clusterConfigurationCheck(Environment environment) {
		return (beanFactory) -> ClusterConfigurationCheck.verify(environment);
	}

	/**
	 * Reconnect attempts at most a second apart, so recovery never waits for a long
	 * backoff.
	 */
	@Bean
	ClientResourcesBuilderCustomizer quickRedisReconnect() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
	}

	/** Also for the health check's connection: fail at once while Redis is away. */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean(destroyMethod = "close")
	RedisState redisState(DataRedisConnectionDetails connection, DataRedisProperties redis,
			ClientResources clientResources, RedisStateProperties state, Clock clock) {
		Duration timeout = (redis.getTimeout() != null) ? redis.getTimeout() : DEFAULT_TIMEOUT;
		Duration connectTimeout = (redis.getConnectTimeout() != null) ? redis.getConnectTimeout() : timeout;
		RedisClient client = RedisState.client(clientResources, redisUri(connection, timeout), connectTimeout, timeout);
		return new RedisState(client, state.keyPrefix(), clock);
	}

	@Bean
	NonceStore nonceStore(RedisState redis, AppSignatureProperties signatures, CsrfProperties csrf, Clock clock) {
		// Every instance must fingerprint a nonce alike: a key derived from a secret they
		// share (checked present at start by ClusterConfigurationCheck).
		NonceFingerprint fingerprints = NonceFingerprint.derivedFrom(Base64.getDecoder().decode(csrf.secret()));
		return new RedisNonceStore(redis, fingerprints, clock, signatures.maxClockSkew(), signatures.minClockSkew(),
				signatures.replayMemory().toBytes());
	}

	/**
	 * In the readiness group (application-cluster.yml): not ready under an evicting
	 * Redis.
	 */
	@Bean
	RedisEvictionHealthIndicator redisEvictionHealthIndicator(RedisState redis) {
		return new RedisEvictionHealthIndicator(redis);
	}

	@Bean
	RevokedSessionStore sessionRevocations(RedisState redis, JdbcClient jdbc, Clock clock, TokenProperties tokens) {
		return new RedisRevokedSessionStore(redis, new RevokedSessionRepository(jdbc), clock,
				tokens.revocationMemory());
	}

	@Bean
	RateLimiter rateLimiter(RedisState redis, DataRedisProperties properties) {
		return new RedisRateLimiter(redis,
				(properties.getTimeout() != null) ? properties.getTimeout() : DEFAULT_TIMEOUT);
	}

	/**
	 * Standalone Redis (host, port, database, credentials, TLS on or off) from
	 * spring.data.redis.*.
	 */
	private static RedisURI redisUri(DataRedisConnectionDetails connection, Duration timeout) {
		DataRedisConnectionDetails.Standalone standalone = connection.getStandalone();
		RedisURI.Builder uri = RedisURI.Builder.redis(standalone.getHost(), standalone.getPort())
			.withDatabase(standalone.getDatabase())
			.withTimeout(timeout)
			.withSsl(connection.getSslBundle() != null);
		if (connection.getPassword() != null) {
			uri = (connection.getUsername() != null)
					? uri.withAuthentication(connection.getUsername(), connection.getPassword().toCharArray())
					: uri.withPassword(connection.getPassword().toCharArray());
		}
		return uri.withClientName("gatehouse").build();
	}

}
