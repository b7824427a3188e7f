package io.gatehouse.tracing;

import java.time.Duration;
import java.util.Locale;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * W3C trace context over real HTTP: the trace a client sends is continued, answered in
 * the {@code traceparent} response header and named in the (text) access-log line; a
 * missing or malformed one starts a new trace.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TraceparentIntegrationTests {

	private static final String TRACEPARENT = "^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void contextWhenNoEndpointConfiguredThenNothingIsExported() {
		assertThat(this.context.getBeansOfType(SpanExporter.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(MeterRegistry.class))
			.noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("otlp"));
	}

	@Test
	void propagationWhenConfiguredThenW3cTraceContextAloneWithoutBaggage() {
		// Boot's default adds W3C baggage (and its MDC listener) to every request.
		TextMapPropagator propagator = this.context.getBean(ContextPropagators.class).getTextMapPropagator();

		assertThat(propagator.fields()).containsExactlyInAnyOrder("traceparent", "tracestate");
	}

	@Test
	void requestWhenTraceparentSentThenResponseAndAccessLogCarryItsTraceId(CapturedOutput output) {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		ApiResponse response = new ApiClient(this.port).post("/api/auth/guest")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.send();

		assertThat(response.status()).isEqualTo(200);
		String traceparent = response.header("traceparent");
		assertThat(traceparent).matches(TRACEPARENT).startsWith("00-" + traceId + "-").endsWith("-01");
		assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
		String requestId = response.header("x-request-id");
		// The access line is written after the answer is sent.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll()
				.lines()
				.filter((line) -> line.contains("requestId=" + requestId))
				.filter((line) -> line.contains(traceId))
				.filter((line) -> line.contains(traceparent.substring(36, 52)))).hasSize(1));
	}

	@Test
	void requestWhenNoTraceparentThenNewTraceIsAnswered() {
		ApiResponse first = new ApiClient(this.port).get("/.well-known/jwks.json").unsigned().send();
		ApiResponse second = new ApiClient(this.port).get("/.well-known/jwks.json").unsigned().send();

		assertThat(first.header("traceparent")).matches(TRACEPARENT);
		assertThat(second.header("traceparent")).matches(TRACEPARENT);
		assertThat(first.header("traceparent").substring(3, 35))
			.isNotEqualTo(second.header("traceparent").substring(3, 35));
	}

	@Test
	void requestWhenTraceparentMalformedThenNewTraceIsAnswered() {
		for (String hostile : new String[] { "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "zz-not-a-trace",
				"00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", "00-" + "a".repeat(4000) + "-01" }) {
			ApiResponse response = new ApiClient(this.port).post("/api/auth/guest")
				.header("traceparent", hostile)
				.send();

			assertThat(response.status()).as(hostile).isEqualTo(200);
			assertThat(response.header("traceparent")).as(hostile).matches(TRACEPARENT);
			assertThat(hostile).doesNotContain(response.header("traceparent").substring(3, 35));
		}
	}

}
