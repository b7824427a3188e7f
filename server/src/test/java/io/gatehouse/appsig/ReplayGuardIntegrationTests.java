package io.gatehouse.appsig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay guard over real HTTP: the nonce cap, one winner among concurrent replays, a
 * far-future flood that cannot crowd out the present, and the gauges.
 */
@IntegrationTest
class ReplayGuardIntegrationTests {

	private static final String PATH = "/api/customers/check-username/fully_active";

	@LocalServerPort
	int port;

	@Test
	void getWhenNonceLongerThan64CharactersThenSignatureInvalidAndAt64Accepted() {
		ApiClient api = new ApiClient(this.port);
		ApiResponse tooLong = api.get(PATH).nonce("A".repeat(65)).send();
		assertThat(tooLong.status()).isEqualTo(403);
		assertThat(tooLong.code()).isEqualTo("signature-invalid");
		String longest = ApiClient.b64(new byte[48]).replace('A', 'B');
		assertThat(longest).hasSize(64);
		assertThat(api.get(PATH).nonce(longest).send().code()).isEqualTo("missing-token");
	}

	@Test
	void getWhenOneSignedRequestSentConcurrentlyFromManyThreadsThenExactlyOneGetsPastTheGuard() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String nonce = ApiClient.randomNonce();
		long ts = System.currentTimeMillis();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				answers.add(pool.submit(() -> api.get(PATH).nonce(nonce).timestamp(ts).send().code()));
			}
			List<String> codes = new ArrayList<>();
			for (Future<String> answer : answers) {
				codes.add(answer.get());
			}
			assertThat(codes).containsOnlyOnce("missing-token").containsOnly("missing-token", "request-replayed");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void getWhenFarFutureTsSentThenHonestPresentTsStillPassesAndGaugesPublished() throws Exception {
		ApiClient api = new ApiClient(this.port);
		long now = System.currentTimeMillis();
		for (int i = 0; i < 50; i++) {
			assertThat(api.get(PATH).timestamp(now + 290_000).send().code()).isIn("missing-token", "request-expired");
		}
		assertThat(api.get(PATH).send().code()).isEqualTo("missing-token");
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(metrics).contains("gatehouse_replay_window_before_seconds", "gatehouse_replay_window_after_seconds",
				"gatehouse_replay_memory_bytes", "gatehouse_replay_nonces");
	}

}
