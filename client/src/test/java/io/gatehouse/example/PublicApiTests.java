package io.gatehouse.example;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.GatehouseException;
import io.gatehouse.client.NetworkException;
import io.gatehouse.client.NextStep;
import io.gatehouse.client.Platform;
import io.gatehouse.client.RateLimitedException;
import io.gatehouse.client.Session;
import io.gatehouse.client.SessionExpiredException;
import io.gatehouse.client.SubscriptionStatus;
import io.gatehouse.client.TokenStore;
import io.gatehouse.client.UnexpectedResponseException;
import io.gatehouse.client.UpgradeRequiredException;
import io.gatehouse.client.UsernameCheck;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles against everything the SDK exposes, from outside its package: a change to the
 * public API breaks this test before it breaks an app.
 */
class PublicApiTests {

	@TempDir
	Path dir;

	@Test
	void publicApiWhenUsedFromAnotherPackageThenCompilesAndBuilds() {
		try (GatehouseClient client = GatehouseClient.builder()
			.baseUrl("http://localhost:8080")
			.platform(Platform.IOS)
			.appVersion("1.4.0")
			.appKey("ios-demo", "gatehouse-demo-ios-key-change-me")
			.locale(Locale.ENGLISH)
			.tokenStore(TokenStore.file(this.dir.resolve("session.json")))
			.clock(Clock.systemUTC())
			.httpClient(new OkHttpClient())
			.callTimeout(Duration.ofSeconds(10))
			.retryIdempotentCalls(1, Duration.ofSeconds(2))
			.traceparent(() -> null)
			.build()) {
			List<Function<GatehouseClient, Object>> calls = List.of(GatehouseClient::guest,
					(c) -> c.login("u", new char[0]), (c) -> {
						c.logout();
						return null;
					}, (c) -> c.register("u", "e", "p", new char[0]), (c) -> c.checkUsername("u"),
					GatehouseClient::createCustomer, (c) -> {
						c.setPin(new char[0]);
						return null;
					}, GatehouseClient::session);
			List<Function<GatehouseClient, CompletableFuture<?>>> asyncCalls = List.of(GatehouseClient::guestAsync,
					(c) -> c.loginAsync("u", new char[0]), GatehouseClient::logoutAsync,
					(c) -> c.registerAsync("u", "e", "p", new char[0]), (c) -> c.checkUsernameAsync("u"),
					GatehouseClient::createCustomerAsync, (c) -> c.setPinAsync(new char[0]));
			assertThat(calls).hasSize(8);
			assertThat(asyncCalls).hasSize(7);
			assertThat(client.session()).isNull();
		}
		UsernameCheck check = new UsernameCheck(true, true, "c", "cus_1", "e", "p", SubscriptionStatus.fromWire("x"),
				true, true);
		Session session = new Session("a", "r", "user", Instant.now(), null, "u", null, null).withCsrf("c", null);
		GatehouseException failure = new RateLimitedException(429, "rate-limited", "d", "r", Duration.ZERO);
		List<Class<? extends GatehouseException>> failures = List.of(SessionExpiredException.class,
				RateLimitedException.class, UpgradeRequiredException.class, NetworkException.class,
				UnexpectedResponseException.class);
		assertThat(check.nextStep()).isEqualTo(NextStep.HOME);
		assertThat(check.subscriptionStatus().wireValue()).isEqualTo("unknown");
		assertThat(session.hasCsrf(Instant.now())).isTrue();
		assertThat(session.isGuest()).isFalse();
		assertThat(Platform.WEB.headerValue()).isEqualTo("web");
		assertThat(List.of(failure.status(), failure.code(), failure.detail(), failure.requestId(), failure.errors()))
			.containsExactly(429, "rate-limited", "d", "r", List.of());
		TokenStore own = new TokenStore() {

			@Override
			public Session load() {
				return null;
			}

			@Override
			public void save(Session session) {
			}

			@Override
			public void clear() {
			}

		};
		assertThat(own.locked(() -> "renewed")).isEqualTo("renewed");
		assertThat(failures).allSatisfy((type) -> assertThat(GatehouseException.class).isAssignableFrom(type));
		assertThat(new GatehouseException.FieldError("phone", "invalid", "m").field()).isEqualTo("phone");
	}

}
