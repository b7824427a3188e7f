package io.gatehouse.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.gatehouse.request.ClientAddressResolver;
import io.gatehouse.request.RequestAttributes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AuditLogTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AuditLog audit = new AuditLog(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
			new ClientAddressResolver(List.of()), this.json, this.meters);

	@Test
	void recordWhenRequestThenOneParseableJsonLineWithTheContractFields(CapturedOutput output) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/token");
		request.setRemoteAddr("203.0.113.7");
		request.addHeader("x-platform", "android");
		request.addHeader("x-app-version", "2.3.4");
		request.setAttribute(RequestAttributes.REQUEST_ID, "req-1");

		this.audit.record(AuditEventType.LOGIN_FAILED, request, "fully_active", "session-1",
				Map.of("reason", "wrong-password"));

		JsonNode event = onlyEvent(output);
		assertThat(event.get("time").asString()).isEqualTo("2026-12-01T10:00:00Z");
		assertThat(event.get("type").asString()).isEqualTo("login.failed");
		assertThat(event.get("requestId").asString()).isEqualTo("req-1");
		assertThat(event.get("subject").asString()).isEqualTo("fully_active");
		assertThat(event.get("sessionHash").asString()).isEqualTo(SessionHash.of("session-1"))
			.isNotEqualTo("session-1");
		assertThat(event.get("clientAddress").asString()).isEqualTo("203.0.113.7");
		assertThat(event.get("platform").asString()).isEqualTo("android");
		assertThat(event.get("appVersion").asString()).isEqualTo("2.3.4");
		assertThat(event.get("details").get("reason").asString()).isEqualTo("wrong-password");
		assertThat(this.meters.get(AuditLog.METRIC).tag("type", "login.failed").counter().count()).isEqualTo(1);
	}

	@Test
	void recordWhenHeadersAreHostileThenTheyAreLeftOut(CapturedOutput output) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/auth/csrf-token");
		request.addHeader("x-platform", "web\",\"type\":\"forged");
		request.addHeader("x-app-version", "1.0.0\n2026-12-01 INFO forged line");

		this.audit.record(AuditEventType.CSRF_FAILED, request, null, null, Map.of());

		JsonNode event = onlyEvent(output);
		assertThat(event.get("type").asString()).isEqualTo("csrf.failed");
		assertThat(event.get("platform").isNull()).isTrue();
		assertThat(event.get("appVersion").isNull()).isTrue();
		assertThat(event.get("sessionHash").isNull()).isTrue();
	}

	private JsonNode onlyEvent(CapturedOutput output) {
		List<String> lines = output.getOut().lines().filter((line) -> line.contains("\"type\":")).toList();
		assertThat(lines).hasSize(1);
		String line = lines.get(0);
		return this.json.readTree(line.substring(line.indexOf('{')));
	}

}
