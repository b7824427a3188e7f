package io.gatehouse.appsig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The app-signature settings ({@code gatehouse.app-signature.*}), checked at start so a
 * weak or inconsistent configuration never serves a request.
 *
 * @param maxClockSkew how far {@code ts} may lie from the server's clock
 * @param minClockSkew how far the replay guard may narrow that window, either side of
 * now, when its memory is full (docs/decisions/0008)
 * @param replayMemory the in-memory replay guard's bound, in bytes of fingerprint tables
 * @param maxBodySize the largest body answered without 413
 * @param apps the app keys; several per platform while a key rotates
 * @param minimumVersions the lowest {@code x-app-version} served, per platform
 */
@Validated
@ConfigurationProperties("gatehouse.app-signature")
public record AppSignatureProperties(@NotNull Duration maxClockSkew, @NotNull Duration minClockSkew,
		@NotNull DataSize replayMemory, @NotNull DataSize maxBodySize, @NotEmpty List<@Valid App> apps,
		@NotNull Map<Platform, AppVersion> minimumVersions) {

	/** HMAC-SHA256 keys shorter than its output would weaken it (RFC 2104 §3). */
	static final int MIN_SECRET_BYTES = 32;

	/** Below this, an honest client a second off and a second in transit would fail. */
	static final Duration MIN_WINDOW = Duration.ofSeconds(2);

	static final DataSize MIN_REPLAY_MEMORY = DataSize.ofMegabytes(1);

	public AppSignatureProperties {
		apps = (apps != null) ? List.copyOf(apps) : List.of();
		minimumVersions = (minimumVersions != null && !minimumVersions.isEmpty()) ? new EnumMap<>(minimumVersions)
				: Map.of();
		Set<String> kids = new HashSet<>();
		for (App app : apps) {
			if (app.kid() != null && !kids.add(app.kid())) {
				throw new IllegalArgumentException("Duplicate app kid: " + app.kid());
			}
		}
		for (Platform platform : Platform.values()) {
			if (!minimumVersions.containsKey(platform)) {
				throw new IllegalArgumentException("No minimum version for platform " + platform.header());
			}
		}
		if (maxClockSkew != null && minClockSkew != null && (minClockSkew.compareTo(MIN_WINDOW) < 0
				|| minClockSkew.compareTo(maxClockSkew) > 0 || maxClockSkew.compareTo(Duration.ofHours(1)) > 0)) {
			throw new IllegalArgumentException("min-clock-skew must lie between 2s and max-clock-skew (at most 1h)");
		}
		if (replayMemory != null && replayMemory.toBytes() < MIN_REPLAY_MEMORY.toBytes()) {
			throw new IllegalArgumentException("replay-memory must be at least 1MB");
		}
		if (maxBodySize != null && (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > BodyReader.HARD_LIMIT)) {
			throw new IllegalArgumentException("max-body-size must be between 1 byte and 1MB");
		}
	}

	/**
	 * One app key.
	 *
	 * @param kid the key id clients name in the payload
	 * @param platform the only platform the key is valid for (docs/contract.md §6)
	 * @param secret the HMAC key, as UTF-8 bytes, at least 32 of them
	 */
	public record App(@NotBlank String kid, @NotNull Platform platform, @NotNull String secret) {

		public App {
			if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
				throw new IllegalArgumentException("The secret of app " + kid + " is shorter than 32 bytes");
			}
		}

		@Override
		public String toString() {
			return "App[kid=" + this.kid + ", platform=" + this.platform + "]";
		}

	}

}
