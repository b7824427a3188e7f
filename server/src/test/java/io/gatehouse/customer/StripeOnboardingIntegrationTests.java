package io.gatehouse.customer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding with a Stripe key configured, against a recorded fake of Stripe's
 * {@code POST /v1/customers} on a local port: no test ever reaches the real Stripe.
 */
@IntegrationTest
class StripeOnboardingIntegrationTests {

	/** Recorded from Stripe's API reference (trimmed to the fields Gatehouse reads). */
	static final String RECORDED_ANSWER = "{\"id\":\"cus_NffrFeUfNV2Hib\",\"object\":\"customer\","
			+ "\"email\":\"stripe_user@example.com\",\"livemode\":false}";

	static final BlockingQueue<Recorded> REQUESTS = new LinkedBlockingQueue<>();

	static final HttpServer STRIPE = fakeStripe();

	record Recorded(String method, String path, String authorization, String idempotencyKey, String body) {
	}

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("gatehouse.stripe.secret-key", () -> "sk_test_recorded_fake");
		registry.add("gatehouse.stripe.api-base", () -> "http://127.0.0.1:" + STRIPE.getAddress().getPort());
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopStripe() {
		STRIPE.stop(0);
	}

	@Test
	void createCustomerWhenStripeConfiguredThenStripeIdStoredAndAskedOnce() throws Exception {
		ApiClient api = new ApiClient(this.port);
		Logins logins = new Logins(api);
		Session guest = logins.guest();
		api.post("/api/auth/register")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.json(Map.of("username", "stripe_user", "email", "stripe_user@example.com", "phone", "+14155550188",
					"password", "Amber-Falcon-Orchard-19"))
			.send();
		Session user = logins.user("stripe_user", "Amber-Falcon-Orchard-19");

		ApiResponse created = api.post("/api/customers").bearer(user.accessToken()).csrf(user.csrfToken()).send();
		ApiResponse again = api.post("/api/customers").bearer(user.accessToken()).csrf(user.csrfToken()).send();

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.field("stripeCustomerId")).isEqualTo("cus_NffrFeUfNV2Hib");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(created.body());
		Recorded request = REQUESTS.poll(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/customers");
		assertThat(request.authorization()).isEqualTo("Bearer sk_test_recorded_fake");
		assertThat(request.idempotencyKey()).startsWith("gatehouse-customer-");
		assertThat(request.body()).contains("email=stripe_user%40example.com", "phone=%2B14155550188");
		assertThat(REQUESTS).isEmpty();
	}

	static HttpServer fakeStripe() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				REQUESTS.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("Idempotency-Key"),
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
				byte[] answer = RECORDED_ANSWER.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
