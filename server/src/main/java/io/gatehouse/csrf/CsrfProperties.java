package io.gatehouse.csrf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * CSRF token settings ({@code gatehouse.csrf.*}).
 *
 * @param ttl how long an issued token stays valid (default 2 h)
 * @param secret base64 of 32+ random bytes, shared by every instance; empty in the
 * embedded default, which then generates one into the data directory (the cluster profile
 * refuses to start without it or {@code secretFile})
 * @param secretFile a file holding the secret (base64, as {@code secret}), for secrets
 * mounted from a secret store; set this or {@code secret}, not both
 * @param previousSecrets secrets used before the current one (base64 each): tokens they
 * made still verify until they expire, no new token is made with them, so rotating the
 * secret logs nobody out; drop them once the ttl has passed
 * @param requireSharedSecret whether to refuse to start without {@code secret} or
 * {@code secretFile} (set by the cluster profile: instances behind one load balancer must
 * share the key)
 */
@Validated
@ConfigurationProperties("gatehouse.csrf")
public record CsrfProperties(@NotNull Duration ttl, String secret, Path secretFile, List<String> previousSecrets,
		boolean requireSharedSecret) {

	public CsrfProperties {
		secret = (secret != null) ? secret.trim() : "";
		previousSecrets = (previousSecrets != null) ? List.copyOf(previousSecrets) : List.of();
	}

}
