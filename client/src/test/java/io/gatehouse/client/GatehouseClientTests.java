package io.gatehouse.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class GatehouseClientTests {

	private static final String USER_TOKEN = MockGatehouse.jwt("bmp_kfayy_6526", "a1");

	private static final Instant LATER = Instant.now().plus(Duration.ofDays(1));

	private MockWebServer server;

	private TokenStore store;

	private GatehouseClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.store = TokenStore.inMemory();
		this.client = MockGatehouse.client(this.server).tokenStore(this.store).build();
	}

	@AfterEach
	void stopServer() {
		this.client.close();
		this.server.close();
	}

	private void loggedIn() {
		this.store.save(new Session(USER_TOKEN, "refresh-1", "user", LATER, LATER, "bmp_kfayy_6526", "csrf-1", LATER));
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a request reached the server").isNotNull();
		return request;
	}

	@Test
	void checkUsernameWhenNoSessionThenTakesGuestSessionFetchesCsrfAndSendsEveryHeader() throws Exception {
		String guestToken = MockGatehouse.jwt("guest:s1", "g1");
		this.server.enqueue(MockGatehouse.guestToken(guestToken));
		this.server.enqueue(MockGatehouse.csrf("csrf-guest"));
		this.server.enqueue(MockGatehouse.json(200, "{\"exists\":true,\"hasCustomer\":false,\"customerId\":null,"
				+ "\"stripeCustomerId\":null,\"email\":null,\"phone\":null,\"subscriptionStatus\":null,\"pinSet\":false}"));

		UsernameCheck check = this.client.checkUsername("BMP_KFAYY_6526");

		assertThat(check).isEqualTo(new UsernameCheck(true, false, null, null, null, null, null, false, false));
		assertThat(check.nextStep()).isEqualTo(NextStep.LOG_IN);
		RecordedRequest guest = take();
		assertThat(guest.getRequestLine()).isEqualTo("POST /api/auth/guest HTTP/1.1");
		assertThat(guest.getHeaders().get("Authorization")).isNull();
		WireAssertions.assertSigned(guest, MockGatehouse.SECRET);
		RecordedRequest csrf = take();
		assertThat(csrf.getTarget()).isEqualTo("/api/auth/csrf-token");
		assertThat(csrf.getHeaders().get("Authorization")).isEqualTo("Bearer " + guestToken);
		RecordedRequest request = take();
		assertThat(request.getRequestLine()).isEqualTo("GET /api/customers/check-username/bmp_kfayy_6526 HTTP/1.1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + guestToken);
		assertThat(request.getHeaders().get("x-csrf-token")).isEqualTo("csrf-guest");
		assertThat(request.getHeaders().get("x-username")).isEqualTo("bmp_kfayy_6526");
		assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("locale")).isEqualTo("ur-PK");
		assertThat(request.getHeaders().get("x-app-version")).isEqualTo("1.4.0");
		assertThat(request.getHeaders().get("x-platform")).isEqualTo("android");
		JsonNode payload = WireAssertions.assertSigned(request, MockGatehouse.SECRET);
		assertThat(payload.get("kid").asText()).isEqualTo("android-demo");
		assertThat(payload.get("ts").asLong()).isCloseTo(System.currentTimeMillis(),
				org.assertj.core.data.Offset.offset(60_000L));
	}

	@Test
	void checkUsernameWhenOwnRecordThenMapsEveryFieldAndNextStep() {
		loggedIn();
		this.server.enqueue(MockGatehouse.check("active"));

		UsernameCheck check = this.client.checkUsername("bmp_kfayy_6526");

		assertThat(check).isEqualTo(new UsernameCheck(true, true, "c-1", "cus_1", "testuserbmp@yopmail.com",
				"+923185456266", SubscriptionStatus.ACTIVE, false, true));
		assertThat(check.nextStep()).isEqualTo(NextStep.SET_PIN);
		assertThat(check.toString()).contains("t***@yopmail.com", "+92******266").doesNotContain("testuserbmp");
	}

	@Test
	void checkUsernameWhenUnknownSubscriptionStatusThenUnknown() {
		loggedIn();
		this.server.enqueue(MockGatehouse.check("frozen_by_stripe_2031"));

		assertThat(this.client.checkUsername("bmp_kfayy_6526").subscriptionStatus())
			.isEqualTo(SubscriptionStatus.UNKNOWN);
	}

	@Test
	void checkUsernameWhenInvalidThenRefusedWithoutRequest() {
		loggedIn();
		assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> this.client.checkUsername("../etc"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("invalid-username");
			});
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void checkUsernameAsyncWhenOkThenFutureCompletesWithCheck() throws Exception {
		loggedIn();
		this.server.enqueue(MockGatehouse.check(null));

		UsernameCheck check = this.client.checkUsernameAsync("bmp_kfayy_6526").get(5, TimeUnit.SECONDS);

		assertThat(check.hasCustomer()).isTrue();
		assertThat(check.subscriptionStatus()).isNull();
	}

	@Test
	void loginWhenOkThenStoresUserSessionAndSendsNoBearer() throws Exception {
		this.server.enqueue(MockGatehouse.userToken(USER_TOKEN, "refresh-1"));

		Session session = this.client.login("bmp_kfayy_6526", "Gatehouse-demo-1".toCharArray());

		assertThat(session.subject()).isEqualTo("bmp_kfayy_6526");
		assertThat(session.isGuest()).isFalse();
		assertThat(this.store.load()).isEqualTo(session);
		RecordedRequest request = take();
		assertThat(request.getHeaders().get("Authorization")).isNull();
		assertThat(request.getBody().utf8())
			.isEqualTo("{\"username\":\"bmp_kfayy_6526\",\"password\":\"Gatehouse-demo-1\"}");
		WireAssertions.assertSigned(request, MockGatehouse.SECRET);
	}

	@Test
	void loginWhenInvalidCredentialsThenGatehouseExceptionWithoutRefresh() {
		this.server.enqueue(MockGatehouse.problem(401, "invalid-credentials"));

		assertThatExceptionOfType(GatehouseException.class)
			.isThrownBy(() -> this.client.login("bmp_kfayy_6526", "wrong".toCharArray()))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(SessionExpiredException.class);
				assertThat(ex.code()).isEqualTo("invalid-credentials");
				assertThat(ex.detail()).isEqualTo("detail of invalid-credentials");
				assertThat(ex.requestId()).isEqualTo("req-invalid-credentials");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void logoutWhenLoggedInThenPostsWithCsrfAndClearsStore() throws Exception {
		loggedIn();
		this.server.enqueue(new MockResponse.Builder().code(204).build());

		this.client.logout();

		RecordedRequest request = take();
		assertThat(request.getRequestLine()).isEqualTo("POST /api/auth/logout HTTP/1.1");
		assertThat(request.getHeaders().get("x-csrf-token")).isEqualTo("csrf-1");
		assertThat(this.store.load()).isNull();
	}

	@Test
	void setPinWhenWeakThenWeakPinAndBodyHasPin() throws Exception {
		loggedIn();
		this.server.enqueue(MockGatehouse.problem(400, "weak-pin"));

		assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> this.client.setPin("1234".toCharArray()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("weak-pin"));
		RecordedRequest request = take();
		assertThat(request.getRequestLine()).isEqualTo("PUT /api/customers/me/pin HTTP/1.1");
		assertThat(request.getBody().utf8()).isEqualTo("{\"pin\":\"1234\"}");
	}

	@Test
	void builderWhenArgumentNullThenNamesIt() {
		assertThatNullPointerException().isThrownBy(() -> GatehouseClient.builder().baseUrl(null))
			.withMessage("baseUrl == null");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> GatehouseClient.builder().appVersion("1.4"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> GatehouseClient.builder().baseUrl("http://localhost").build())
			.withMessage("platform is not set");
	}

	@Nested
	class Failures {

		@Test
		void whenServerErrorWithHtmlBodyThenUnexpectedResponse() {
			loggedIn();
			server.enqueue(new MockResponse.Builder().code(500)
				.setHeader("Content-Type", "text/html")
				.body("<html><body>Bad gateway</body></html>")
				.build());

			assertThatExceptionOfType(UnexpectedResponseException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(500);
					assertThat(ex.code()).isNull();
					assertThat(ex.getMessage()).contains("HTTP 500", "text/html");
				});
		}

		@Test
		void whenProblemJsonIsNotJsonThenUnexpectedResponse() {
			loggedIn();
			server.enqueue(new MockResponse.Builder().code(500)
				.setHeader("Content-Type", "application/problem+json")
				.body("Internal Server Error")
				.build());

			assertThatExceptionOfType(UnexpectedResponseException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(500));
		}

		@Test
		void whenTruncatedJsonThenUnexpectedResponse() {
			loggedIn();
			server.enqueue(MockGatehouse.json(200, "{\"exists\":true,\"hasCustomer\":fa"));

			assertThatExceptionOfType(UnexpectedResponseException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(200);
					assertThat(ex.requestId()).isEqualTo("req-200");
				});
		}

		@Test
		void whenFieldMissingThenUnexpectedResponse() {
			loggedIn();
			server.enqueue(MockGatehouse.json(200, "{\"exists\":true}"));

			assertThatExceptionOfType(UnexpectedResponseException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.withMessageContaining("hasCustomer");
		}

		@Test
		void whenBodyCutOffThenNetworkException() {
			loggedIn();
			server.enqueue(new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/json")
				.body("{\"exists\":true,")
				.setHeader("Content-Length", "500")
				.onResponseEnd(new SocketEffect.CloseSocket(true, true, true))
				.build());

			assertThatExceptionOfType(NetworkException.class).isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> assertThat(ex.status()).isZero());
		}

		@Test
		void whenConnectionResetThenNetworkException() {
			loggedIn();
			for (int i = 0; i < 3; i++) {
				// OkHttp retries a broken connection once by itself; every attempt
				// breaks.
				server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true))
					.build());
			}

			assertThatExceptionOfType(NetworkException.class).isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> assertThat(ex.getCause()).isInstanceOf(IOException.class));
		}

		@Test
		void whenServerDownThenNetworkException() throws IOException {
			String url = server.url("/").toString();
			server.close();
			GatehouseClient offline = MockGatehouse.client(server).baseUrl(url).build();

			assertThatExceptionOfType(NetworkException.class).isThrownBy(offline::guest);
		}

		@Test
		void whenServiceUnavailableThenRateLimitedWithRetryAfter() {
			loggedIn();
			server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").build());

			assertThatExceptionOfType(RateLimitedException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> {
					assertThat(ex.status()).isEqualTo(503);
					assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
				});
		}

		@Test
		void whenRateLimitedThenAsyncFutureFailsWithRateLimited() {
			loggedIn();
			server.enqueue(
					new MockResponse.Builder(MockGatehouse.problem(429, "rate-limited")).setHeader("Retry-After", "30")
						.build());

			CompletableFuture<UsernameCheck> future = client.checkUsernameAsync("bmp_kfayy_6526");

			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOfSatisfying(RateLimitedException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo("rate-limited");
					assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30));
				});
		}

		@Test
		void whenRetryEnabledAndIdempotentThenRetriesAfterRetryAfter() {
			loggedIn();
			GatehouseClient retrying = MockGatehouse.client(server)
				.tokenStore(store)
				.retryIdempotentCalls(2, Duration.ofSeconds(2))
				.build();
			server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());
			server.enqueue(MockGatehouse.check("active"));

			assertThat(retrying.checkUsername("bmp_kfayy_6526").exists()).isTrue();
			assertThat(server.getRequestCount()).isEqualTo(2);
		}

		@Test
		void whenRetryEnabledButNotIdempotentThenNoRetry() {
			loggedIn();
			GatehouseClient retrying = MockGatehouse.client(server)
				.tokenStore(store)
				.retryIdempotentCalls(2, Duration.ofSeconds(2))
				.build();
			server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "1").build());

			assertThatExceptionOfType(RateLimitedException.class).isThrownBy(retrying::createCustomer);
			assertThat(server.getRequestCount()).isEqualTo(1);
		}

		@Test
		void whenUpgradeRequiredThenUpgradeRequiredException() {
			server.enqueue(MockGatehouse.problem(426, "upgrade-required"));

			assertThatExceptionOfType(UpgradeRequiredException.class).isThrownBy(client::guest)
				.satisfies((ex) -> assertThat(ex.detail()).isEqualTo("detail of upgrade-required"));
		}

		@Test
		void whenSessionFileHasNoAccessTokenThenTakesGuestSession(@TempDir Path dir) throws Exception {
			Path file = dir.resolve("session.json");
			Files.writeString(file, "{\"refreshToken\":\"refresh-1\",\"subject\":\"bmp_kfayy_6526\"}");
			GatehouseClient fromFile = MockGatehouse.client(server).tokenStore(TokenStore.file(file)).build();
			server.enqueue(MockGatehouse.guestToken(MockGatehouse.jwt("guest:s1", "g1")));
			server.enqueue(MockGatehouse.csrf("csrf-guest"));
			server.enqueue(MockGatehouse.check(null));

			assertThat(fromFile.checkUsername("bmp_kfayy_6526").exists()).isTrue();
			assertThat(take().getTarget()).isEqualTo("/api/auth/guest");
		}

		@Test
		void whenUpgradeRequiredWithoutProblemBodyThenUpgradeRequiredException() {
			server.enqueue(new MockResponse.Builder().code(426)
				.setHeader("Content-Type", "text/html")
				.body("<p>Update</p>")
				.build());

			assertThatExceptionOfType(UpgradeRequiredException.class).isThrownBy(client::guest)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upgrade-required"));
		}

		@Test
		void whenRetryAfterIsHttpDateThenWaitCountedFromServerDate() {
			// The server's clock is ten minutes behind this one; it asks for 30 s.
			Instant serverNow = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
			server.enqueue(new MockResponse.Builder(MockGatehouse.problem(503, "service-unavailable"))
				.setHeader("Date", Retries.httpDate(serverNow))
				.setHeader("Retry-After", Retries.httpDate(serverNow.plusSeconds(30)))
				.build());

			assertThatExceptionOfType(RateLimitedException.class).isThrownBy(client::guest)
				.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
		}

		@Test
		void whenValidationFailedThenFieldErrors() {
			loggedIn();
			server.enqueue(new MockResponse.Builder().code(400)
				.setHeader("Content-Type", "application/problem+json")
				.body("{\"status\":400,\"code\":\"validation-failed\",\"detail\":\"d\",\"requestId\":\"r\","
						+ "\"errors\":[{\"field\":\"phone\",\"code\":\"invalid\",\"message\":\"E.164 please\"}]}")
				.build());

			assertThatExceptionOfType(GatehouseException.class)
				.isThrownBy(() -> client.register("new_user", "a@b.c", "123", "long enough pass".toCharArray()))
				.satisfies((ex) -> assertThat(ex.errors())
					.containsExactly(new GatehouseException.FieldError("phone", "invalid", "E.164 please")));
		}

	}

	@Nested
	class Retries {

		@Test
		void whenAccessTokenExpiredThenRefreshesOnceAndRetriesWithNewSignature() throws Exception {
			loggedIn();
			String fresh = MockGatehouse.jwt("bmp_kfayy_6526", "a2");
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.userToken(fresh, "refresh-2"));
			server.enqueue(MockGatehouse.check("active"));

			assertThat(client.checkUsername("bmp_kfayy_6526").exists()).isTrue();

			JsonNode first = WireAssertions.assertSigned(take(), MockGatehouse.SECRET);
			RecordedRequest refresh = take();
			assertThat(refresh.getTarget()).isEqualTo("/api/auth/refresh");
			assertThat(refresh.getBody().utf8()).isEqualTo("{\"refreshToken\":\"refresh-1\"}");
			RecordedRequest retry = take();
			assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
			assertThat(retry.getHeaders().get("x-csrf-token")).isEqualTo("csrf-1");
			JsonNode second = WireAssertions.assertSigned(retry, MockGatehouse.SECRET);
			assertThat(second.get("nonce")).isNotEqualTo(first.get("nonce"));
			assertThat(store.load().refreshToken()).isEqualTo("refresh-2");
			assertThat(store.load().csrfToken()).isEqualTo("csrf-1");
		}

		@Test
		void whenOwnTokenStoreThenRenewsInsideItsLock() throws Exception {
			List<String> events = Collections.synchronizedList(new ArrayList<>());
			TokenStore memory = TokenStore.inMemory();
			TokenStore own = new TokenStore() {

				@Override
				public Session load() {
					return memory.load();
				}

				@Override
				public void save(Session session) {
					events.add("save " + session.refreshToken());
					memory.save(session);
				}

				@Override
				public void clear() {
					memory.clear();
				}

				@Override
				public <T> T locked(java.util.function.Supplier<T> renewal) {
					events.add("lock");
					try {
						return renewal.get();
					}
					finally {
						events.add("unlock");
					}
				}

			};
			own.save(new Session(USER_TOKEN, "refresh-1", "user", LATER, LATER, "bmp_kfayy_6526", "csrf-1", LATER));
			events.clear();
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.userToken(MockGatehouse.jwt("bmp_kfayy_6526", "a2"), "refresh-2"));
			server.enqueue(MockGatehouse.check("active"));

			try (GatehouseClient ownClient = MockGatehouse.client(server).tokenStore(own).build()) {
				assertThat(ownClient.checkUsername("bmp_kfayy_6526").exists()).isTrue();
			}

			assertThat(events).containsExactly("lock", "save refresh-2", "unlock");
		}

		@Test
		void whenCsrfFetchMeetsExpiredTokenThenRefreshesAndFetchesAgain() throws Exception {
			store.save(new Session(USER_TOKEN, "refresh-1", "user", LATER, LATER, "bmp_kfayy_6526", null, null));
			String fresh = MockGatehouse.jwt("bmp_kfayy_6526", "a2");
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.userToken(fresh, "refresh-2"));
			server.enqueue(MockGatehouse.csrf("csrf-2"));
			server.enqueue(MockGatehouse.check("active"));

			assertThat(client.checkUsername("bmp_kfayy_6526").exists()).isTrue();

			assertThat(take().getTarget()).isEqualTo("/api/auth/csrf-token");
			assertThat(take().getTarget()).isEqualTo("/api/auth/refresh");
			RecordedRequest csrf = take();
			assertThat(csrf.getTarget()).isEqualTo("/api/auth/csrf-token");
			assertThat(csrf.getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
			RecordedRequest check = take();
			assertThat(check.getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
			assertThat(check.getHeaders().get("x-csrf-token")).isEqualTo("csrf-2");
			assertThat(server.getRequestCount()).isEqualTo(4);
		}

		@Test
		void whenCsrfFetchStillRefusedAfterRefreshThenSessionExpiredAndStoreCleared() {
			store.save(new Session(USER_TOKEN, "refresh-1", "user", LATER, LATER, "bmp_kfayy_6526", null, null));
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.userToken(MockGatehouse.jwt("bmp_kfayy_6526", "a2"), "refresh-2"));
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));

			assertThatExceptionOfType(SessionExpiredException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"));
			assertThat(store.load()).isNull();
			assertThat(server.getRequestCount()).isEqualTo(3);
		}

		@Test
		void whenAsyncCallMeetsExpiredTokenThenRefreshesOnDispatcherThread() throws Exception {
			loggedIn();
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.userToken(MockGatehouse.jwt("bmp_kfayy_6526", "a2"), "refresh-2"));
			server.enqueue(MockGatehouse.check("active"));

			assertThat(client.checkUsernameAsync("bmp_kfayy_6526").get(5, TimeUnit.SECONDS).exists()).isTrue();
			assertThat(store.load().refreshToken()).isEqualTo("refresh-2");
		}

		@Test
		void whenUnauthorizedWithoutProblemBodyButInvalidTokenHeaderThenRefreshes() throws Exception {
			loggedIn();
			server.enqueue(new MockResponse.Builder().code(401)
				.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
				.build());
			server.enqueue(MockGatehouse.userToken(MockGatehouse.jwt("bmp_kfayy_6526", "a2"), "refresh-2"));
			server.enqueue(MockGatehouse.check("active"));

			assertThat(client.checkUsername("bmp_kfayy_6526").exists()).isTrue();
			take();
			assertThat(take().getTarget()).isEqualTo("/api/auth/refresh");
		}

		@Test
		void whenLogoutFailsThenStoreClearedAnyway() {
			loggedIn();
			server.enqueue(MockGatehouse.problem(500, "internal-error"));

			assertThatExceptionOfType(GatehouseException.class).isThrownBy(client::logout)
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("internal-error"));
			assertThat(store.load()).isNull();
		}

		@Test
		void whenRefreshTokenReusedThenSessionExpiredAndStoreCleared() {
			loggedIn();
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.problem(401, "refresh-token-reused"));

			assertThatExceptionOfType(SessionExpiredException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("refresh-token-reused"));
			assertThat(store.load()).isNull();
			assertThat(server.getRequestCount()).isEqualTo(2);
		}

		@Test
		void whenStillRefusedAfterRefreshThenSessionExpired() {
			loggedIn();
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.userToken(MockGatehouse.jwt("bmp_kfayy_6526", "a2"), "refresh-2"));
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));

			assertThatExceptionOfType(SessionExpiredException.class)
				.isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"));
			assertThat(store.load()).isNull();
			assertThat(server.getRequestCount()).isEqualTo(3);
		}

		@Test
		void whenGuestTokenExpiredThenTakesNewGuestToken() throws Exception {
			String old = MockGatehouse.jwt("guest:s1", "g1");
			String fresh = MockGatehouse.jwt("guest:s2", "g2");
			store.save(new Session(old, null, "guest", LATER, null, "guest:s1", "csrf-1", LATER));
			server.enqueue(MockGatehouse.problem(401, "invalid-token"));
			server.enqueue(MockGatehouse.guestToken(fresh));
			server.enqueue(MockGatehouse.problem(403, "csrf-invalid"));
			server.enqueue(MockGatehouse.csrf("csrf-2"));
			server.enqueue(MockGatehouse.check(null));

			assertThat(client.checkUsername("bmp_kfayy_6526").exists()).isTrue();

			take();
			assertThat(take().getTarget()).isEqualTo("/api/auth/guest");
			RecordedRequest retry = take();
			assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
			assertThat(retry.getHeaders().get("x-csrf-token")).isNull();
			assertThat(take().getTarget()).isEqualTo("/api/auth/csrf-token");
			assertThat(take().getHeaders().get("x-csrf-token")).isEqualTo("csrf-2");
		}

		@Test
		void whenCsrfInvalidThenFetchesNewCsrfAndRetriesOnce() throws Exception {
			loggedIn();
			server.enqueue(MockGatehouse.problem(403, "csrf-invalid"));
			server.enqueue(MockGatehouse.csrf("csrf-2"));
			server.enqueue(MockGatehouse.problem(403, "csrf-invalid"));

			assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("csrf-invalid"));
			assertThat(take().getHeaders().get("x-csrf-token")).isEqualTo("csrf-1");
			assertThat(take().getTarget()).isEqualTo("/api/auth/csrf-token");
			assertThat(take().getHeaders().get("x-csrf-token")).isEqualTo("csrf-2");
			assertThat(server.getRequestCount()).isEqualTo(3);
		}

		@Test
		void whenRequestExpiredThenCorrectsClockFromDateAndResigns() throws Exception {
			loggedIn();
			GatehouseClient skewed = MockGatehouse.client(server)
				.tokenStore(store)
				.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)))
				.build();
			Instant serverTime = Instant.now();
			server.enqueue(new MockResponse.Builder(MockGatehouse.problem(403, "request-expired"))
				.setHeader("Date", httpDate(serverTime))
				.build());
			server.enqueue(MockGatehouse.check(null));

			assertThat(skewed.checkUsername("bmp_kfayy_6526").exists()).isTrue();

			long firstTs = WireAssertions.assertSigned(take(), MockGatehouse.SECRET).get("ts").asLong();
			long secondTs = WireAssertions.assertSigned(take(), MockGatehouse.SECRET).get("ts").asLong();
			assertThat(serverTime.toEpochMilli() - firstTs).isGreaterThan(Duration.ofMinutes(9).toMillis());
			assertThat(Math.abs(secondTs - serverTime.toEpochMilli())).isLessThan(Duration.ofSeconds(30).toMillis());
		}

		@Test
		void whenRequestReplayedTwiceThenFreshNonceOnceThenGivesUp() throws Exception {
			loggedIn();
			server.enqueue(MockGatehouse.problem(403, "request-replayed"));
			server.enqueue(MockGatehouse.problem(403, "request-replayed"));

			assertThatExceptionOfType(GatehouseException.class).isThrownBy(() -> client.checkUsername("bmp_kfayy_6526"))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("request-replayed"));
			String first = WireAssertions.assertSigned(take(), MockGatehouse.SECRET).get("nonce").asText();
			String second = WireAssertions.assertSigned(take(), MockGatehouse.SECRET).get("nonce").asText();
			assertThat(second).isNotEqualTo(first);
			assertThat(server.getRequestCount()).isEqualTo(2);
		}

		@Test
		void whenConcurrentCallsSeeExpiredTokenThenOneRefresh() throws Exception {
			loggedIn();
			int threads = 10;
			String fresh = MockGatehouse.jwt("bmp_kfayy_6526", "a2");
			AtomicInteger refreshes = new AtomicInteger();
			CyclicBarrier allRefused = new CyclicBarrier(threads);
			server.setDispatcher(new Dispatcher() {

				@Override
				public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
					if (request.getTarget().equals("/api/auth/refresh")) {
						refreshes.incrementAndGet();
						return MockGatehouse.userToken(fresh, "refresh-2");
					}
					if (("Bearer " + fresh).equals(request.getHeaders().get("Authorization"))) {
						return MockGatehouse.check("active");
					}
					try {
						// Every caller is refused before any refresh happens.
						allRefused.await(5, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return MockGatehouse.problem(401, "invalid-token");
				}

			});
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<UsernameCheck>> checks = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					checks.add(pool.submit(() -> client.checkUsername("bmp_kfayy_6526")));
				}
				for (Future<UsernameCheck> check : checks) {
					assertThat(check.get(10, TimeUnit.SECONDS).exists()).isTrue();
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(refreshes).hasValue(1);
		}

		@Test
		void whenTwoClientsShareASessionFileAndMeetExpiredTokenThenOneRefresh(@TempDir Path dir) throws Exception {
			// Two command-line processes, as far as the file is concerned: each has its
			// own
			// client and its own store object, and only the file in common.
			Path file = dir.resolve("session.json");
			TokenStore.file(file)
				.save(new Session(USER_TOKEN, "refresh-1", "user", LATER, LATER, "bmp_kfayy_6526", "csrf-1", LATER));
			GatehouseClient first = MockGatehouse.client(server).tokenStore(TokenStore.file(file)).build();
			GatehouseClient second = MockGatehouse.client(server).tokenStore(TokenStore.file(file)).build();
			String fresh = MockGatehouse.jwt("bmp_kfayy_6526", "a2");
			List<String> refreshTokensSpent = Collections.synchronizedList(new ArrayList<>());
			CyclicBarrier bothRefused = new CyclicBarrier(2);
			server.setDispatcher(new Dispatcher() {

				@Override
				public MockResponse dispatch(RecordedRequest request) {
					if (request.getTarget().equals("/api/auth/refresh")) {
						refreshTokensSpent.add(request.getBody().utf8());
						return MockGatehouse.userToken(fresh, "refresh-2");
					}
					if (("Bearer " + fresh).equals(request.getHeaders().get("Authorization"))) {
						return MockGatehouse.check("active");
					}
					try {
						bothRefused.await(5, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return MockGatehouse.problem(401, "invalid-token");
				}

			});
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Future<UsernameCheck> one = pool.submit(() -> first.checkUsername("bmp_kfayy_6526"));
				Future<UsernameCheck> two = pool.submit(() -> second.checkUsername("bmp_kfayy_6526"));
				assertThat(one.get(10, TimeUnit.SECONDS).exists()).isTrue();
				assertThat(two.get(10, TimeUnit.SECONDS).exists()).isTrue();
			}
			finally {
				pool.shutdownNow();
				first.close();
				second.close();
			}
			assertThat(refreshTokensSpent).containsExactly("{\"refreshToken\":\"refresh-1\"}");
			assertThat(TokenStore.file(file).load().refreshToken()).isEqualTo("refresh-2");
		}

		private static String httpDate(Instant instant) {
			return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
				.withZone(ZoneOffset.UTC)
				.format(instant);
		}

	}

}
