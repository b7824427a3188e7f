package io.gatehouse.pipeline;

import java.time.Duration;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a secured request leaves in the metrics: Boot's HTTP request timer, by route and
 * status, and nothing of Spring Security's own observations, which would wrap every
 * filter of every request (pipeline/RequestPipeline).
 */
@IntegrationTest
class RequestMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void checkWhenAnsweredThenTimedByRouteAndNoSecurityObservation() {
		ApiClient api = new ApiClient(this.port);
		Session guest = new Logins(api).sharedGuest();
		Timer timer = checkTimer();
		long before = (timer != null) ? timer.count() : 0;

		ApiResponse response = api.get("/api/customers/check-username/nobody_here_2")
			.bearer(guest.accessToken())
			.csrf(guest.csrfToken())
			.header("x-username", "nobody_here_2")
			.send();

		assertThat(response.status()).isEqualTo(200);
		// The observation stops once the response is written, maybe after the client read
		// it; an earlier test's late check may count too, so at least this one.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(checkTimer()).isNotNull()
				.extracting(Timer::count)
				.asInstanceOf(InstanceOfAssertFactories.LONG)
				.isGreaterThan(before));
		assertThat(this.meters.getMeters()).extracting((meter) -> meter.getId().getName())
			.noneMatch((name) -> name.startsWith("spring.security"));
	}

	private Timer checkTimer() {
		return this.meters.find("http.server.requests")
			.tag("uri", "/api/customers/check-username/{username}")
			.tag("status", "200")
			.timer();
	}

}
