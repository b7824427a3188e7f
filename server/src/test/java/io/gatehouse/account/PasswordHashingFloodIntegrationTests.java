package io.gatehouse.account;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile floods of password hashing over real HTTP, from many addresses (the test client
 * is the trusted proxy and sends X-Forwarded-For), while an honest client keeps working.
 * Each flood client ignores {@code Retry-After} and hammers until told to stop (bounded
 * in count). The honest requests are made while the flood holds its lane at the bound,
 * and what they assert is the answer, not its time. One hashing thread leaves the other
 * core of a small build machine to request handling, and keeps the lanes full longer.
 */
@IntegrationTest
@TestPropertySource(properties = { "gatehouse.trusted-proxies=127.0.0.1", "gatehouse.hashing.threads=1",
		"gatehouse.hashing.wait-limit=10s" })
class PasswordHashingFloodIntegrationTests {

	static final String PASSWORD = "Blue-Harbor-Lantern-42";

	static final int FLOOD_CLIENTS = 200;

	static final int REQUESTS_PER_CLIENT = 3;

	static final AtomicInteger NAMES = new AtomicInteger();

	static final String TRANSPORT_FAILURE = "no answer: ";

	@LocalServerPort
	int port;

	@Autowired
	HashingQueue queue;

	@Autowired
	HashingProperties hashing;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
	}

	@Test
	void registerWhenHundredsAtOnceFromManyAddressesThenProbesChecksAndLoginsStillAnswer() throws Exception {
		Session flooder = this.logins.guest();
		Session honest = this.logins.guest();
		int otherLaneCap = this.hashing.maxWaitingRequests() - this.hashing.reservedForLogins();

		Flood flood = new Flood((i) -> register(flooder, newName(), "10." + (i / 250) + "." + (i % 250) + ".1"));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.queue.waiting() >= otherLaneCap);
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
			assertThat(check(honest, "bmp_kfayy_6526").status()).isEqualTo(200);
		}
		ApiResponse login = demoLogin("192.0.2.10", "bmp_kfayy_6526", null);
		List<String> answers = flood.stop();

		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(answered(answers)).hasSizeGreaterThan(FLOOD_CLIENTS)
			.allSatisfy((answer) -> assertThat(answer).isIn("201", "503 service-unavailable Retry-After: 2"))
			.contains("201", "503 service-unavailable Retry-After: 2");
		ApiResponse after = register(flooder, newName(), "192.0.2.11");
		assertThat(after.status()).as(after.body()).isEqualTo(201);
	}

	@Test
	void tokenWhenHundredsOfWrongPasswordsFromManyAddressesThenUserWithDeviceTokenStillLogsIn() throws Exception {
		String deviceToken = demoLogin("192.0.2.20", "onboarded_no_pin", null).field("deviceToken");
		int loginLaneCap = this.hashing.maxWaitingRequests() - this.hashing.reservedForDeviceLogins();

		Flood flood = new Flood((i) -> login("10.100." + (i / 250) + "." + (i % 250),
				(i % 2 == 0) ? "onboarded_no_pin" : "nobody_" + i, "Wrong-password-" + i));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.queue.waiting() >= loginLaneCap);
		ApiResponse ownDevice = demoLogin("192.0.2.21", "onboarded_no_pin", deviceToken);
		List<String> answers = flood.stop();

		assertThat(ownDevice.status()).as(ownDevice.body()).isEqualTo(200);
		assertThat(answered(answers)).hasSizeGreaterThan(FLOOD_CLIENTS)
			.allSatisfy((answer) -> assertThat(answer).isIn("401 invalid-credentials", "429 rate-limited",
					"503 service-unavailable Retry-After: 2"))
			.contains("503 service-unavailable Retry-After: 2");
		ApiResponse after = demoLogin("192.0.2.22", "onboarded_no_pin", ownDevice.field("deviceToken"));
		assertThat(after.status()).as(after.body()).isEqualTo(200);
	}

	@Test
	void tokenWhenSixWrongPasswordsFromOneAddressThenRightPasswordFromAnotherLogsIn() {
		for (int i = 0; i < 5; i++) {
			assertThat(login("192.0.2.30", "fully_active", "Wrong-password-" + i).status()).isEqualTo(401);
		}
		assertThat(login("192.0.2.30", "fully_active", "Wrong-password-5").status()).isEqualTo(429);

		ApiResponse elsewhere = login("192.0.2.31", "fully_active", DemoData.PASSWORD);

		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
	}

	ApiResponse register(Session session, String username, String address) {
		return this.api.post("/api/auth/register")
			.header("X-Forwarded-For", address)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.json(Map.of("username", username, "email", username + "@example.com", "phone", "+14155550123", "password",
					PASSWORD))
			.send();
	}

	ApiResponse login(String address, String username, String password) {
		return this.api.post("/api/auth/token")
			.header("X-Forwarded-For", address)
			.json(Map.of("username", username, "password", password))
			.send();
	}

	/** The demo password, with the device token when there is one. */
	ApiResponse demoLogin(String address, String username, String deviceToken) {
		Map<String, String> body = (deviceToken != null)
				? Map.of("username", username, "password", DemoData.PASSWORD, "deviceToken", deviceToken)
				: Map.of("username", username, "password", DemoData.PASSWORD);
		return this.api.post("/api/auth/token").header("X-Forwarded-For", address).json(body).send();
	}

	ApiResponse check(Session session, String username) {
		return this.api.get("/api/customers/check-username/" + username)
			.header("X-Forwarded-For", "192.0.2.12")
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", username)
			.send();
	}

	/**
	 * The flood's HTTP answers, without its transport failures. Tomcat closes the
	 * connection after a 503, so a client that hammers reconnects every time; on a small,
	 * busy build machine some of those connects time out in the listen backlog. That is
	 * the flooder's cost, not a stall: the honest client's answers are asserted on their
	 * own, and every answer that came must be one of the expected ones (never a 500).
	 */
	static List<String> answered(List<String> answers) {
		return answers.stream().filter((answer) -> !answer.startsWith(TRANSPORT_FAILURE)).toList();
	}

	static String newName() {
		return "flood_" + NAMES.incrementAndGet();
	}

	/**
	 * {@link #FLOOD_CLIENTS} threads, each sending up to {@link #REQUESTS_PER_CLIENT}
	 * requests back to back (request {@code i} of all is {@code request.apply(i)}), each
	 * answer recorded as "status [code] [Retry-After]".
	 */
	static final class Flood {

		final Queue<String> answers = new ConcurrentLinkedQueue<>();

		final AtomicBoolean stop = new AtomicBoolean();

		final ExecutorService threads = Executors.newFixedThreadPool(FLOOD_CLIENTS);

		Flood(IntFunction<ApiResponse> request) {
			for (int client = 0; client < FLOOD_CLIENTS; client++) {
				int first = client * REQUESTS_PER_CLIENT;
				this.threads.submit(() -> {
					for (int i = first; i < first + REQUESTS_PER_CLIENT && !this.stop.get(); i++) {
						this.answers.add(describe(request, i));
					}
				});
			}
		}

		List<String> stop() throws InterruptedException {
			this.stop.set(true);
			this.threads.shutdown();
			assertThat(this.threads.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
			return List.copyOf(this.answers);
		}

		private static String describe(IntFunction<ApiResponse> request, int i) {
			try {
				ApiResponse response = request.apply(i);
				if (response.status() < 400) {
					return Integer.toString(response.status());
				}
				String retryAfter = response.header("Retry-After");
				return response.status() + " " + response.code()
						+ ((response.status() == 503) ? " Retry-After: " + retryAfter : "");
			}
			catch (RuntimeException ex) {
				return TRANSPORT_FAILURE + ((ex.getCause() != null) ? ex.getCause() : ex);
			}
		}

	}

}
