package io.gatehouse.client;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client of the Gatehouse API: the username check with its JWT, CSRF token and app
 * signature handled for you. Thread-safe; create one per app and share it (it holds one
 * connection pool). <pre>{@code
 * GatehouseClient gatehouse = GatehouseClient.builder()
 *     .baseUrl("https://gatehouse.example.com")
 *     .platform(Platform.ANDROID)
 *     .appVersion("1.4.0")
 *     .appKey("android-demo", secret)
 *     .build();
 * NextStep next = gatehouse.checkUsername("bmp_kfayy_6526").nextStep();
 * }</pre> Calls that need a session take a guest session when there is none. Expired
 * access tokens are refreshed once, CSRF tokens fetched when missing or refused, and
 * refused signatures re-signed once, as docs/contract.md §5 says; any other failure is
 * thrown as a {@link GatehouseException}. Each call has an {@code ...Async} variant whose
 * future completes with the same result or exception.
 */
public final class GatehouseClient implements Closeable {

	private final Transport transport;

	private final SessionKeeper sessions;

	private final Calls calls;

	private final boolean ownsHttpClient;

	// Two variants of one OkHttpClient (one connection pool): the token calls go out on
	// the one without session steps, which the session steps of the other use; so nothing
	// is wired after it is built.
	private GatehouseClient(Builder builder) {
		ClockOffset clock = new ClockOffset(builder.clock);
		Traceparent traceparent = (builder.traceparent != null) ? new Traceparent(builder.traceparent)
				: Traceparent.NONE;
		OkHttpClient base = (builder.httpClient != null) ? builder.httpClient : new OkHttpClient();
		OkHttpClient tokenHttp = signed(base.newBuilder().addInterceptor(retryAfter(builder)), builder, clock).build();
		// A token call refused as unauthenticated leaves the session to SessionKeeper,
		// which renews it once before it gives up.
		Runnable leaveSession = () -> {
		};
		TokenCalls tokenCalls = new TokenCalls(new Transport(tokenHttp, builder.baseUrl, leaveSession, traceparent),
				clock);
		this.sessions = new SessionKeeper(builder.tokenStore, tokenCalls, clock);
		OkHttpClient http = signed(base.newBuilder()
			.addInterceptor(retryAfter(builder))
			.addInterceptor(new GuestSessionInterceptor(this.sessions))
			.addInterceptor(new CsrfInterceptor(this.sessions)), builder, clock)
			.authenticator(new RefreshAuthenticator(this.sessions))
			.build();
		this.transport = new Transport(http, builder.baseUrl, this.sessions::clear, traceparent);
		this.calls = new Calls(this.transport, this.sessions, tokenCalls);
		this.ownsHttpClient = builder.httpClient == null;
	}

	private static RetryAfterInterceptor retryAfter(Builder builder) {
		return new RetryAfterInterceptor(builder.maxRetries, builder.maxRetryWait);
	}

	/** The innermost steps of every call: re-signing, headers, logging and signing. */
	private static OkHttpClient.Builder signed(OkHttpClient.Builder http, Builder builder, ClockOffset clock) {
		return http.addInterceptor(new ResignInterceptor(clock))
			.addInterceptor(new HeadersInterceptor(builder.platform, builder.appVersion, builder.locale.toLanguageTag(),
					builder.tokenStore))
			.addNetworkInterceptor(new LoggingInterceptor())
			.addNetworkInterceptor(new SigningInterceptor(new RequestSigner(builder.kid, builder.secret, clock)))
			.callTimeout(builder.callTimeout);
	}

	/**
	 * Starts building a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The current session.
	 * @return the session in the token store, or {@code null} when there is none
	 */
	public Session session() {
		return this.sessions.current();
	}

	/**
	 * Takes a guest session ({@code POST /api/auth/guest}) and stores it.
	 * @return the guest session
	 * @throws GatehouseException when the server refuses or cannot be reached
	 */
	public Session guest() {
		return this.sessions.guest();
	}

	/**
	 * Asynchronous {@link #guest()}.
	 * @return the future guest session
	 */
	public CompletableFuture<Session> guestAsync() {
		return this.transport.executeAsync(this.calls.guest(), this.calls::readSession);
	}

	/**
	 * Logs in ({@code POST /api/auth/token}) and stores the user session. A wrong
	 * password and an unknown username both fail with code {@code invalid-credentials}.
	 * @param username the username
	 * @param password the password; not kept after the call
	 * @return the user session
	 * @throws GatehouseException when the server refuses or cannot be reached
	 */
	public Session login(String username, char[] password) {
		return this.transport.execute(this.calls.login(username, password), this.calls::readSession);
	}

	/**
	 * Asynchronous {@link #login(String, char[])}.
	 * @param username the username
	 * @param password the password
	 * @return the future user session
	 */
	public CompletableFuture<Session> loginAsync(String username, char[] password) {
		return this.transport.executeAsync(this.calls.login(username, password), this.calls::readSession);
	}

	/**
	 * Ends the session on the server ({@code POST /api/auth/logout}) and clears the token
	 * store, even when the server call fails. Does nothing without a session.
	 * @throws GatehouseException when the server refuses or cannot be reached (the store
	 * is cleared all the same)
	 */
	public void logout() {
		if (this.sessions.current() == null) {
			return;
		}
		try {
			this.transport.execute(this.calls.logout(), (response) -> null);
		}
		finally {
			this.sessions.clear();
		}
	}

	/**
	 * Asynchronous {@link #logout()}.
	 * @return a future that completes when the session has ended
	 */
	public CompletableFuture<Void> logoutAsync() {
		if (this.sessions.current() == null) {
			return CompletableFuture.completedFuture(null);
		}
		return this.transport.<Void>executeAsync(this.calls.logout(), (response) -> null)
			.whenComplete((done, failure) -> this.sessions.clear());
	}

	/**
	 * Registers an account ({@code POST /api/auth/register}); the session (a guest's,
	 * taken when there is none) stays as it is: log in next.
	 * @param username the username (docs/contract.md §3's rules)
	 * @param email the email address
	 * @param phone the phone number in E.164, for example {@code +923185456266}
	 * @param password 12 to 128 characters, not the username; not kept after the call
	 * @return the new account's record
	 * @throws GatehouseException {@code validation-failed} with
	 * {@link GatehouseException#errors()}, {@code username-taken}, or another failure
	 */
	public UsernameCheck register(String username, String email, String phone, char[] password) {
		String name = Calls.normalizedOrAsTyped(username);
		return this.transport.execute(this.calls.register(name, email, phone, password),
				(response) -> this.calls.readCheck(response, name));
	}

	/**
	 * Asynchronous {@link #register(String, String, String, char[])}.
	 * @param username the username
	 * @param email the email address
	 * @param phone the phone number in E.164
	 * @param password the password
	 * @return the future record of the new account
	 */
	public CompletableFuture<UsernameCheck> registerAsync(String username, String email, String phone,
			char[] password) {
		String name = Calls.normalizedOrAsTyped(username);
		return this.transport.executeAsync(this.calls.register(name, email, phone, password),
				(response) -> this.calls.readCheck(response, name));
	}

	/**
	 * Checks a username ({@code GET /api/customers/check-username/{username}}). The
	 * username is normalised first (NFKC, lower case); one that cannot be valid is
	 * refused without a request, with status 400 and code {@code invalid-username}.
	 * @param username the username as typed
	 * @return the check, whose {@link UsernameCheck#nextStep()} says what to show next
	 * @throws GatehouseException when the server refuses or cannot be reached
	 */
	public UsernameCheck checkUsername(String username) {
		String name = Calls.validUsername(username);
		return this.transport.execute(this.calls.check(name), (response) -> this.calls.readCheck(response, name));
	}

	/**
	 * Asynchronous {@link #checkUsername(String)}.
	 * @param username the username as typed
	 * @return the future check
	 */
	public CompletableFuture<UsernameCheck> checkUsernameAsync(String username) {
		return Calls.failingFast(() -> Calls.validUsername(username), (name) -> this.transport
			.executeAsync(this.calls.check(name), (response) -> this.calls.readCheck(response, name)));
	}

	/**
	 * Creates the logged-in user's customer profile ({@code POST /api/customers}), or
	 * returns the existing one.
	 * @return the user's record, with {@code hasCustomer} true
	 * @throws GatehouseException {@code forbidden} for a guest, or another failure
	 */
	public UsernameCheck createCustomer() {
		return this.transport.execute(this.calls.createCustomer(),
				(response) -> this.calls.readCheck(response, this.calls.subject()));
	}

	/**
	 * Asynchronous {@link #createCustomer()}.
	 * @return the future record
	 */
	public CompletableFuture<UsernameCheck> createCustomerAsync() {
		return this.transport.executeAsync(this.calls.createCustomer(),
				(response) -> this.calls.readCheck(response, this.calls.subject()));
	}

	/**
	 * Sets the customer's PIN ({@code PUT /api/customers/me/pin}).
	 * @param pin 4 to 6 digits, not all one digit nor a straight run; not kept after the
	 * call
	 * @throws GatehouseException {@code weak-pin}, {@code customer-required} before
	 * onboarding, or another failure
	 */
	public void setPin(char[] pin) {
		this.transport.execute(this.calls.setPin(pin), (response) -> null);
	}

	/**
	 * Asynchronous {@link #setPin(char[])}.
	 * @param pin the PIN
	 * @return a future that completes when the PIN is set
	 */
	public CompletableFuture<Void> setPinAsync(char[] pin) {
		return this.transport.executeAsync(this.calls.setPin(pin), (response) -> null);
	}

	/**
	 * Releases the connection pool and threads, when this client created its own
	 * {@link OkHttpClient}; one given to the builder is left to its owner.
	 */
	@Override
	public void close() {
		if (this.ownsHttpClient) {
			this.transport.http().dispatcher().executorService().shutdown();
			this.transport.http().connectionPool().evictAll();
		}
	}

	/**
	 * Builds a {@link GatehouseClient}. {@link #baseUrl}, {@link #platform},
	 * {@link #appVersion} and {@link #appKey} are required.
	 */
	public static final class Builder {

		private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

		private HttpUrl baseUrl;

		private Platform platform;

		private String appVersion;

		private String kid;

		private String secret;

		private Locale locale = Locale.getDefault();

		private TokenStore tokenStore = TokenStore.inMemory();

		private Clock clock = Clock.systemUTC();

		private OkHttpClient httpClient;

		private Duration callTimeout = Duration.ofSeconds(30);

		private int maxRetries;

		private Duration maxRetryWait = Duration.ZERO;

		private Supplier<String> traceparent;

		private Builder() {
		}

		/**
		 * The server's base URL.
		 * @param baseUrl for example {@code https://gatehouse.example.com}
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			Objects.requireNonNull(baseUrl, "baseUrl == null");
			HttpUrl url = HttpUrl.parse(baseUrl);
			if (url == null) {
				throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
			}
			this.baseUrl = url;
			return this;
		}

		/**
		 * The platform, sent as {@code x-platform}; it must match the app key.
		 * @param platform the platform
		 * @return this builder
		 */
		public Builder platform(Platform platform) {
			this.platform = Objects.requireNonNull(platform, "platform == null");
			return this;
		}

		/**
		 * The app's version, sent as {@code x-app-version}.
		 * @param appVersion {@code MAJOR.MINOR.PATCH}, for example {@code 1.4.0}
		 * @return this builder
		 */
		public Builder appVersion(String appVersion) {
			Objects.requireNonNull(appVersion, "appVersion == null");
			if (!VERSION.matcher(appVersion).matches()) {
				throw new IllegalArgumentException("appVersion is not MAJOR.MINOR.PATCH: " + appVersion);
			}
			this.appVersion = appVersion;
			return this;
		}

		/**
		 * The app key that signs every request.
		 * @param kid the key's id, for example {@code android-demo}
		 * @param secret the key's secret (its UTF-8 bytes are the HMAC key)
		 * @return this builder
		 */
		public Builder appKey(String kid, String secret) {
			this.kid = Objects.requireNonNull(kid, "kid == null");
			this.secret = Objects.requireNonNull(secret, "secret == null");
			return this;
		}

		/**
		 * The language of the server's messages, sent as {@code locale}.
		 * @param locale the locale; the JVM's default unless set
		 * @return this builder
		 */
		public Builder locale(Locale locale) {
			this.locale = Objects.requireNonNull(locale, "locale == null");
			return this;
		}

		/**
		 * Where the session is kept.
		 * @param tokenStore the store; {@link TokenStore#inMemory()} unless set
		 * @return this builder
		 */
		public Builder tokenStore(TokenStore tokenStore) {
			this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
			return this;
		}

		/**
		 * The clock that timestamps signatures; the client corrects its offset from the
		 * server's {@code Date} when a request is refused as expired.
		 * @param clock the clock; the system clock unless set
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock == null");
			return this;
		}

		/**
		 * An OkHttp client to derive from, sharing its connection pool and dispatcher
		 * with the rest of the app.
		 * @param httpClient the client; a new one unless set
		 * @return this builder
		 */
		public Builder httpClient(OkHttpClient httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient == null");
			return this;
		}

		/**
		 * The longest a call may take, retries included.
		 * @param callTimeout the timeout; 30 seconds unless set
		 * @return this builder
		 */
		public Builder callTimeout(Duration callTimeout) {
			this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout == null");
			return this;
		}

		/**
		 * Retries idempotent calls (the username check, setting the PIN) refused with 429
		 * or 503, after the {@code Retry-After} wait. Off unless set.
		 * @param maxRetries how many times at most
		 * @param maxWait the longest {@code Retry-After} worth waiting for; a longer one
		 * fails at once with {@link RateLimitedException}
		 * @return this builder
		 */
		public Builder retryIdempotentCalls(int maxRetries, Duration maxWait) {
			if (maxRetries < 0) {
				throw new IllegalArgumentException("maxRetries < 0");
			}
			this.maxRetries = maxRetries;
			this.maxRetryWait = Objects.requireNonNull(maxWait, "maxWait == null");
			return this;
		}

		/**
		 * Where each call finds the W3C {@code traceparent} to send, so the server's logs
		 * of the call carry the app's trace id. It is asked once per call, on the thread
		 * that makes the call (for an {@code ...Async} call too), and again for the calls
		 * the client makes on its own (a guest token, a refresh, a CSRF token). A
		 * {@code null} or malformed value sends no header. For example, with
		 * OpenTelemetry: <pre>{@code
		 * .traceparent(() -> {
		 *     SpanContext span = Span.current().getSpanContext();
		 *     return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId()
		 *             + "-" + span.getTraceFlags().asHex() : null;
		 * })
		 * }</pre>
		 * @param traceparent the supplier of the current {@code traceparent}, for example
		 * {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}; none unless
		 * set
		 * @return this builder
		 */
		public Builder traceparent(Supplier<String> traceparent) {
			this.traceparent = Objects.requireNonNull(traceparent, "traceparent == null");
			return this;
		}

		/**
		 * Builds the client.
		 * @return a new client
		 * @throws IllegalStateException when a required setting is missing
		 */
		public GatehouseClient build() {
			requireSet(this.baseUrl, "baseUrl");
			requireSet(this.platform, "platform");
			requireSet(this.appVersion, "appVersion");
			requireSet(this.kid, "appKey");
			return new GatehouseClient(this);
		}

		private static void requireSet(Object value, String name) {
			if (value == null) {
				throw new IllegalStateException(name + " is not set");
			}
		}

	}

}
