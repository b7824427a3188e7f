package io.gatehouse.bench;

import java.time.Duration;
import java.util.Locale;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Platform;
import io.gatehouse.client.TokenStore;
import io.gatehouse.client.UsernameCheck;

/**
 * The secured request as an app makes it: the SDK logs in once, then each call is signed
 * (HMAC over the payload with the token's SHA-256), carries the bearer and CSRF tokens,
 * and is parsed into a {@link UsernameCheck}.
 */
final class GatehouseTarget implements LoadDriver.Target {

	/**
	 * The demo password of docs/contract.md §6; another server's is read from the
	 * environment.
	 */
	private static final String DEMO_PASSWORD = "Gatehouse-demo-1";

	private final GatehouseClient client;

	private final String username;

	GatehouseTarget(String baseUrl, String username) {
		this.client = GatehouseClient.builder()
			.baseUrl(baseUrl)
			.platform(Platform.ANDROID)
			.appVersion("1.4.0")
			.appKey("android-demo", "gatehouse-demo-android-key-change-me")
			.locale(Locale.ENGLISH)
			.tokenStore(TokenStore.inMemory())
			.callTimeout(Duration.ofSeconds(10))
			.build();
		this.username = username;
		String password = System.getenv().getOrDefault("GATEHOUSE_PASSWORD", DEMO_PASSWORD);
		this.client.login(username, password.toCharArray());
	}

	@Override
	public void call() {
		UsernameCheck check = this.client.checkUsername(this.username);
		if (!check.exists() || check.email() == null) {
			throw new IllegalStateException("Not the full record of the caller");
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

}
