package io.gatehouse.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import io.gatehouse.GatehouseApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Gatehouse server, started in-process on a random port with the embedded
 * default (H2 in a temporary directory, demo users seeded) and shared by every test class
 * of the run (the CLI's tests too): {@code @ExtendWith(RealServer.Extension.class)} and a
 * {@code RealServer} parameter. Access tokens live {@value #ACCESS_TTL_SECONDS} s and
 * CSRF tokens {@value #CSRF_TTL_SECONDS} s, so tests can watch both expire.
 */
public final class RealServer implements AutoCloseable {

	static final int ACCESS_TTL_SECONDS = 8;

	// Longer than an access token's, so that callers meet an expired access token with a
	// CSRF token still good.
	static final int CSRF_TTL_SECONDS = 20;

	public static final String PASSWORD = "Gatehouse-demo-1";

	private final ConfigurableApplicationContext context;

	private final Path dataDir;

	private final String baseUrl;

	private RealServer(ConfigurableApplicationContext context, Path dataDir) {
		this.context = context;
		this.dataDir = dataDir;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	static RealServer start() {
		try {
			Path dataDir = Files.createTempDirectory("gatehouse-client-it");
			ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class).run(
					"--server.port=0", "--gatehouse.data-dir=" + dataDir,
					"--gatehouse.tokens.access-token-ttl=" + ACCESS_TTL_SECONDS + "s",
					"--gatehouse.tokens.clock-skew=0s", "--gatehouse.csrf.ttl=" + CSRF_TTL_SECONDS + "s",
					// Many clients on one address: only the limits a test exercises stay
					// low.
					"--gatehouse.rate-limits.guest-tokens-per-address.capacity=100000",
					"--gatehouse.rate-limits.checks-per-address.capacity=100000",
					"--gatehouse.rate-limits.checks-per-guest-session.capacity=100000",
					"--gatehouse.rate-limits.checks-per-user-session.capacity=100000",
					"--gatehouse.rate-limits.login-failures-per-address.capacity=100000",
					// Reuse is tested right after a rotation: no grace here
					// (the server's own tests cover the grace).
					"--gatehouse.sessions.refresh-grace=0s");
			return new RealServer(context, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** A client with the Android demo key and its own in-memory session. */
	GatehouseClient.Builder client() {
		return GatehouseClient.builder()
			.baseUrl(this.baseUrl)
			.platform(Platform.ANDROID)
			.appVersion("1.4.0")
			.appKey("android-demo", "gatehouse-demo-android-key-change-me")
			.locale(Locale.ENGLISH);
	}

	/** How many refresh grants the server has issued. */
	double refreshCount() {
		Counter counter = this.context.getBean(MeterRegistry.class)
			.find("gatehouse.tokens.issued")
			.tag("grant", "refresh")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** How many problems with this code the server has answered. */
	double problemCount(String code) {
		Counter counter = this.context.getBean(MeterRegistry.class)
			.find("gatehouse.problems")
			.tag("code", code)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Whether the server refuses this access token, asked with a signed call that sends
	 * no CSRF token: the bearer check (401) comes before the CSRF check (403), so nothing
	 * changes on the server.
	 */
	boolean refuses(String accessToken) throws IOException {
		OkHttpClient http = new OkHttpClient.Builder()
			.addNetworkInterceptor(new SigningInterceptor(new RequestSigner("android-demo",
					"gatehouse-demo-android-key-change-me", new ClockOffset(Clock.systemUTC()))))
			.build();
		Request probe = new Request.Builder().url(this.baseUrl + "/api/customers/check-username/bmp_kfayy_6526")
			.header("x-platform", "android")
			.header("x-app-version", "1.4.0")
			.header("x-username", "bmp_kfayy_6526")
			.header("Authorization", "Bearer " + accessToken)
			.build();
		try (Response response = http.newCall(probe).execute()) {
			return response.code() == 401;
		}
	}

	public static String uniqueUsername() {
		return "sdk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	public static String uniquePhone() {
		return "+9230" + String.format("%08d", (long) (Math.random() * 100_000_000L));
	}

	@Override
	public void close() {
		this.context.close();
		try (var files = Files.walk(this.dataDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary directory left behind is harmless.
		}
	}

	/** Starts the server once per test run and hands it to tests as a parameter. */
	public static final class Extension implements BeforeAllCallback, ParameterResolver {

		@Override
		public void beforeAll(ExtensionContext context) {
			server(context);
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RealServer.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return server(context);
		}

		private static RealServer server(ExtensionContext context) {
			return context.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.computeIfAbsent(RealServer.class, (key) -> RealServer.start(), RealServer.class);
		}

	}

}
