package io.gatehouse.csrf;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * CSRF token settings ({@code gatehouse.csrf.*}).
 *
 * @param ttl how long an issued token stays valid (default 2 h)
 * @param secret base64 of 32+ random bytes, shared by every instance; empty in the
 * embedded default, which then generates one into the data directory (the cluster profile
 * refuses to start without it)
 * @param requireSharedSecret whether to refuse to start without {@code secret} (set by
 * the cluster profile: instances behind one load balancer must share the key)
 */
@Validated
@ConfigurationProperties("gatehouse.csrf")
public record CsrfProperties(@NotNull Duration ttl, String secret, boolean requireSharedSecret) {

	public CsrfProperties {
		secret = (secret != null) ? secret.trim() : "";
	}

}
