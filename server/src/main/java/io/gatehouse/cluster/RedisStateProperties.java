package io.gatehouse.cluster;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the cluster profile keeps its shared state in Redis ({@code gatehouse.redis.*}).
 * The connection itself is Spring Boot's {@code spring.data.redis.*}.
 *
 * @param keyPrefix prepended to every key Gatehouse writes, so that several deployments
 * (or test runs) can share one Redis without seeing each other's nonces and buckets
 */
@Validated
@ConfigurationProperties("gatehouse.redis")
public record RedisStateProperties(@NotBlank String keyPrefix) {

	public RedisStateProperties {
		keyPrefix = (keyPrefix != null) ? keyPrefix : "gatehouse:";
	}

}
