package io.gatehouse.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's W3C {@code traceparent}, taken from the builder's supplier on the calling
 * thread and sent with each call, the calls the client makes on its own included.
 */
class TraceparentTests {

	private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final Instant LATER = Instant.now().plus(Duration.ofDays(1));

	// What the app's tracer would hold for the current thread.
	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private MockWebServer server;

	private TokenStore store;

	private GatehouseClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
		this.store = TokenStore.inMemory();
		this.client = MockGatehouse.client(this.server).tokenStore(this.store).traceparent(CURRENT::get).build();
	}

	@AfterEach
	void stopServer() {
		CURRENT.remove();
		this.client.close();
		this.server.close();
	}

	private RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("a request reached the server").isNotNull();
		return request;
	}

	@Test
	void checkUsernameWhenAppGivesTraceparentThenEveryCallSendsIt() throws Exception {
		CURRENT.set(TRACE);
		this.server.enqueue(MockGatehouse.guestToken(MockGatehouse.jwt("guest:s1", "g1")));
		this.server.enqueue(MockGatehouse.csrf("csrf-1"));
		this.server.enqueue(MockGatehouse.check(null));

		this.client.checkUsername("bmp_kfayy_6526");

		assertThat(take().getHeaders().get("traceparent")).isEqualTo(TRACE);
		assertThat(take().getHeaders().get("traceparent")).isEqualTo(TRACE);
		RecordedRequest check = take();
		assertThat(check.getTarget()).isEqualTo("/api/customers/check-username/bmp_kfayy_6526");
		assertThat(check.getHeaders().get("traceparent")).isEqualTo(TRACE);
	}

	@Test
	void checkUsernameAsyncWhenAppGivesTraceparentThenSendsTheCallersOne() throws Exception {
		this.store.save(new Session(MockGatehouse.jwt("u", "a1"), "r", "user", LATER, LATER, "u", "csrf-1", LATER));
		this.server.enqueue(MockGatehouse.check(null));
		CURRENT.set(TRACE);

		this.client.checkUsernameAsync("bmp_kfayy_6526").get(5, TimeUnit.SECONDS);

		// The call runs on OkHttp's dispatcher thread, where the app's tracer holds
		// nothing.
		assertThat(take().getHeaders().get("traceparent")).isEqualTo(TRACE);
	}

	@Test
	void guestWhenNoTraceparentThenNoHeader() throws Exception {
		this.server.enqueue(MockGatehouse.guestToken(MockGatehouse.jwt("guest:s1", "g1")));

		this.client.guest();

		assertThat(take().getHeaders().get("traceparent")).isNull();
	}

	@Test
	void guestWhenTraceparentMalformedThenNoHeader() throws Exception {
		CURRENT.set("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nx-evil: 1");
		this.server.enqueue(MockGatehouse.guestToken(MockGatehouse.jwt("guest:s1", "g1")));
		this.server.enqueue(MockGatehouse.guestToken(MockGatehouse.jwt("guest:s2", "g2")));

		this.client.guest();
		CURRENT.set("00-00000000000000000000000000000000-00f067aa0ba902b7-01");
		this.client.guest();

		RecordedRequest first = take();
		assertThat(first.getHeaders().get("traceparent")).isNull();
		assertThat(first.getHeaders().get("x-evil")).isNull();
		assertThat(take().getHeaders().get("traceparent")).isNull();
	}

	@Test
	void builderWhenTraceparentSupplierNullThenNamesIt() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> GatehouseClient.builder().traceparent(null)))
			.isInstanceOf(NullPointerException.class)
			.hasMessage("traceparent == null");
	}

}
