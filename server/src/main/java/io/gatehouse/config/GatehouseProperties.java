package io.gatehouse.config;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature ({@code gatehouse.*}); each feature has its own
 * properties record for the rest.
 *
 * @param dataDir where the embedded default keeps its database and generated secrets
 * @param demoData whether to seed the demo users of docs/contract.md §6
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} is believed
 */
@Validated
@ConfigurationProperties("gatehouse")
public record GatehouseProperties(@NotNull Path dataDir, boolean demoData, List<String> trustedProxies) {

	public GatehouseProperties {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

}
