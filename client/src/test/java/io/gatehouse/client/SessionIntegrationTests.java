package io.gatehouse.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The session's life against the real server: expiry and refresh, refresh-token reuse,
 * logout, CSRF expiry, a skewed clock, and many callers meeting one expired token.
 */
@Tag("integration")
@ExtendWith(RealServer.Extension.class)
class SessionIntegrationTests {

	@Test
	void checkUsernameWhenAccessTokenExpiredThenRefreshedOnceAndAnswered(RealServer server) throws Exception {
		TokenStore store = TokenStore.inMemory();
		GatehouseClient client = server.client().tokenStore(store).build();
		Session before = client.login("fully_active", RealServer.PASSWORD.toCharArray());
		client.checkUsername("fully_active");
		awaitRefused(server, before.accessToken());
		double refreshes = server.refreshCount();

		assertThat(client.checkUsername("fully_active").nextStep()).isEqualTo(NextStep.HOME);

		assertThat(server.refreshCount() - refreshes).isEqualTo(1);
		Session after = store.load();
		assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
		assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
		assertThat(after.subject()).isEqualTo("fully_active");
	}

	@Test
	void checkUsernameWhenGuestTokenExpiredThenNewGuestSession(RealServer server) throws Exception {
		GatehouseClient client = server.client().build();
		client.checkUsername("bmp_kfayy_6526");
		Session before = client.session();
		awaitRefused(server, before.accessToken());
		double refreshes = server.refreshCount();

		assertThat(client.checkUsername("bmp_kfayy_6526").nextStep()).isEqualTo(NextStep.LOG_IN);

		assertThat(client.session().subject()).startsWith("guest:").isNotEqualTo(before.subject());
		assertThat(server.refreshCount()).isEqualTo(refreshes);
	}

	@Test
	void refreshWhenRotatedTokenReusedThenBothCopiesOfTheSessionEnd(RealServer server) throws Exception {
		TokenStore original = TokenStore.inMemory();
		GatehouseClient client = server.client().tokenStore(original).build();
		Session stolen = client.login("onboarded_no_pin", RealServer.PASSWORD.toCharArray());
		awaitRefused(server, stolen.accessToken());
		client.checkUsername("onboarded_no_pin");
		assertThat(original.load().refreshToken()).isNotEqualTo(stolen.refreshToken());
		TokenStore copy = TokenStore.inMemory();
		copy.save(stolen);
		GatehouseClient thief = server.client().tokenStore(copy).build();

		assertThatExceptionOfType(SessionExpiredException.class)
			.isThrownBy(() -> thief.checkUsername("onboarded_no_pin"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("refresh-token-reused"));
		assertThat(copy.load()).isNull();
		assertThatExceptionOfType(SessionExpiredException.class)
			.isThrownBy(() -> client.checkUsername("onboarded_no_pin"));
		assertThat(original.load()).isNull();
	}

	@Test
	void logoutWhenLoggedInThenStoreClearedAndOldTokensRefused(RealServer server) throws Exception {
		TokenStore store = TokenStore.inMemory();
		GatehouseClient client = server.client().tokenStore(store).build();
		client.login("bmp_kfayy_6526", RealServer.PASSWORD.toCharArray());
		client.checkUsername("bmp_kfayy_6526");
		Session old = store.load();

		client.logout();

		assertThat(store.load()).isNull();
		assertThat(server.refuses(old.accessToken())).isTrue();
		TokenStore copy = TokenStore.inMemory();
		copy.save(old);
		assertThatExceptionOfType(SessionExpiredException.class)
			.isThrownBy(() -> server.client().tokenStore(copy).build().checkUsername("bmp_kfayy_6526"));
		assertThat(client.checkUsername("bmp_kfayy_6526").nextStep()).isEqualTo(NextStep.LOG_IN);
	}

	@Test
	void checkUsernameWhenCsrfTokenExpiredOnServerThenNewOneFetchedAndRetried(RealServer server) {
		TokenStore store = TokenStore.inMemory();
		GatehouseClient client = server.client().tokenStore(store).build();
		client.login("fully_active", RealServer.PASSWORD.toCharArray());
		client.checkUsername("fully_active");
		Session session = store.load();
		String expiring = session.csrfToken();
		// The client believes its token is good for a day; the server lets it expire.
		store.save(session.withCsrf(expiring, Instant.now().plus(Duration.ofDays(1))));
		Instant serverExpiry = Instant.now().plusSeconds(RealServer.CSRF_TTL_SECONDS + 1);
		await().atMost(Duration.ofSeconds(RealServer.CSRF_TTL_SECONDS + 5))
			.until(() -> Instant.now().isAfter(serverExpiry));

		assertThat(client.checkUsername("fully_active").nextStep()).isEqualTo(NextStep.HOME);

		assertThat(store.load().csrfToken()).isNotNull().isNotEqualTo(expiring);
	}

	@Test
	void checkUsernameWhenCsrfTokenUnknownThenNewOneFetchedAndRetried(RealServer server) {
		TokenStore store = TokenStore.inMemory();
		GatehouseClient client = server.client().tokenStore(store).build();
		client.login("fully_active", RealServer.PASSWORD.toCharArray());
		client.checkUsername("fully_active");
		store.save(store.load().withCsrf("forged-csrf-token", Instant.now().plus(Duration.ofDays(1))));

		assertThat(client.checkUsername("fully_active").nextStep()).isEqualTo(NextStep.HOME);

		assertThat(store.load().csrfToken()).isNotEqualTo("forged-csrf-token");
	}

	@ParameterizedTest(name = "clock off by {0} min")
	@ValueSource(ints = { -10, 10 })
	void checkUsernameWhenClockSkewedThenCorrectedFromDateAndAnswered(int minutes, RealServer server) {
		GatehouseClient client = server.client()
			.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes)))
			.build();

		assertThat(client.checkUsername("bmp_kfayy_6526").nextStep()).isEqualTo(NextStep.LOG_IN);
		assertThat(client.login("fully_active", RealServer.PASSWORD.toCharArray()).subject()).isEqualTo("fully_active");
	}

	@Test
	void checkUsernameWhenTwentyThreadsMeetExpiredTokenThenExactlyOneRefresh(RealServer server) throws Exception {
		int threads = 20;
		GatehouseClient client = server.client().build();
		Session before = client.login("fully_active", RealServer.PASSWORD.toCharArray());
		client.checkUsername("fully_active");
		awaitRefused(server, before.accessToken());
		double refreshes = server.refreshCount();
		double refusals = server.problemCount("invalid-token");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<UsernameCheck>> checks = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				checks.add(pool.submit(() -> {
					start.await();
					return client.checkUsername("fully_active");
				}));
			}
			start.countDown();
			for (Future<UsernameCheck> check : checks) {
				assertThat(check.get(60, TimeUnit.SECONDS).nextStep()).isEqualTo(NextStep.HOME);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(server.refreshCount() - refreshes).isEqualTo(1);
		assertThat(server.problemCount("invalid-token") - refusals).as("callers refused with the expired token")
			.isGreaterThanOrEqualTo(2);
		assertThat(client.session().accessToken()).isNotEqualTo(before.accessToken());
	}

	private static void awaitRefused(RealServer server, String accessToken) {
		await().atMost(Duration.ofSeconds(RealServer.ACCESS_TTL_SECONDS + 30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> refuses(server, accessToken));
	}

	private static boolean refuses(RealServer server, String accessToken) {
		try {
			return server.refuses(accessToken);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
