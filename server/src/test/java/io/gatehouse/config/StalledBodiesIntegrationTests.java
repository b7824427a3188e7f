package io.gatehouse.config;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile client that opens more connections than Tomcat has platform threads (200),
 * each a correctly signed POST whose body it trickles a byte at a time and never
 * finishes, does not keep honest clients out: the app-signature check reads each body on
 * the request's thread, and on virtual threads (Java 24 and later, decision 0017) a
 * stalled read parks its thread instead of holding one of 200. On platform threads the
 * same attack left the JWK set unanswered for 30 s (docs/benchmarks.md, twelfth session).
 * <p>
 * Tagged {@code java24}: the server module's build runs it on Java 24 and later only (a
 * profile in server/pom.xml), and {@code .ci/run} runs the server's tests on such a JDK
 * as well as on 17.
 */
@IntegrationTest
@Tag("java24")
class StalledBodiesIntegrationTests {

	/** More than Tomcat's default pool of platform threads. */
	private static final int STALLED = 250;

	@LocalServerPort
	int port;

	private final List<Socket> stalled = new ArrayList<>();

	private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void closeStalled() throws IOException {
		this.trickle.shutdownNow();
		for (Socket socket : this.stalled) {
			socket.close();
		}
	}

	@Test
	void whenMoreBodiesStallThanTomcatHasPlatformThreadsThenHonestClientsAreStillAnswered() throws Exception {
		byte[] head = stalledLoginHead();
		for (int i = 0; i < STALLED; i++) {
			Socket socket = new Socket("127.0.0.1", this.port);
			socket.getOutputStream().write(head);
			socket.getOutputStream().flush();
			this.stalled.add(socket);
		}
		// A byte a second on each: no read on the server ever waits long enough to time
		// out.
		this.trickle.scheduleWithFixedDelay(this::sendOneByteEach, 1, 1, TimeUnit.SECONDS);

		ApiClient api = new ApiClient(this.port);
		ApiResponse keys = api.get("/.well-known/jwks.json").unsigned().send();
		assertThat(keys.status()).isEqualTo(200);
		assertThat(new Logins(api).demoUser("bmp_kfayy_6526").accessToken()).isNotBlank();
		assertThat(this.stalled)
			.as("every stalled request still held open, unanswered, while honest ones were answered")
			.allMatch(StalledBodiesIntegrationTests::heldOpen);
	}

	/** Neither answered nor closed by the server: a read finds nothing to read yet. */
	private static boolean heldOpen(Socket socket) {
		try {
			socket.setSoTimeout(10);
			socket.getInputStream().read();
			return false;
		}
		catch (SocketTimeoutException ex) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void sendOneByteEach() {
		for (Socket socket : this.stalled) {
			try {
				OutputStream out = socket.getOutputStream();
				out.write(' ');
				out.flush();
			}
			catch (IOException ex) {
				// The server gave up on this one: it is no longer holding anything.
			}
		}
	}

	/**
	 * A login's headers, signed by {@link ApiClient} for a 1,000-byte body, and the
	 * body's first byte: everything before the body passes, so the server reads it.
	 */
	private byte[] stalledLoginHead() {
		byte[] body = new byte[1000];
		Arrays.fill(body, (byte) ' ');
		StringBuilder head = new StringBuilder("POST /api/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		new ApiClient(this.port).post("/api/auth/token")
			.body(body)
			.signedHeaders()
			.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("Content-Length: ").append(body.length).append("\r\n\r\n{");
		return head.toString().getBytes(StandardCharsets.US_ASCII);
	}

}
