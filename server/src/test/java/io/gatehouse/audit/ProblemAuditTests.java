package io.gatehouse.audit;

import java.time.Clock;
import java.util.List;

import io.gatehouse.errors.ErrorCode;
import io.gatehouse.request.ClientAddressResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemAuditTests {

	private final AuditCapture capture = AuditCapture.start();

	private final ProblemAudit audit = new ProblemAudit(new AuditLog(Clock.systemUTC(),
			new ClientAddressResolver(List.of()), JsonMapper.builder().build(), new SimpleMeterRegistry()));

	@AfterEach
	void tearDown() {
		this.capture.close();
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@EnumSource(names = { "INVALID_CREDENTIALS", "INVALID_REFRESH_TOKEN", "REFRESH_TOKEN_REUSED" })
	void recordWhenCodeAuditedAtItsSourceThenNoEvent(ErrorCode code) {
		this.audit.answered(new MockHttpServletRequest("POST", "/api/auth/token"), code);

		assertThat(this.capture.events()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "VALIDATION_FAILED", "NOT_FOUND", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE", "WEAK_PIN" })
	void recordWhenNotASecurityRefusalThenNoEvent(ErrorCode code) {
		this.audit.answered(new MockHttpServletRequest("POST", "/api/auth/register"), code);

		assertThat(this.capture.events()).isEmpty();
	}

	@Test
	void recordWhenSecondProblemForSameRequestThenStillOneEvent() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/auth/csrf-token");

		this.audit.answered(request, ErrorCode.INVALID_TOKEN);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/auth/csrf-token");
		this.audit.answered(request, ErrorCode.INVALID_TOKEN);

		assertThat(this.capture.events()).hasSize(1);
	}

	@Test
	void recordWhenTokenWasVerifiedThenSubjectAndSessionHashNamed() {
		Jwt jwt = Jwt.withTokenValue("header.payload.signature")
			.header("alg", "RS256")
			.subject("fully_active")
			.claim("sid", "session-7")
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));

		this.audit.answered(new MockHttpServletRequest("GET", "/api/customers/check-username/x"),
				ErrorCode.CSRF_INVALID);

		JsonNode event = this.capture.events().get(0);
		assertThat(event.get("type").asString()).isEqualTo("csrf.failed");
		assertThat(event.get("subject").asString()).isEqualTo("fully_active");
		assertThat(event.get("sessionHash").asString()).isEqualTo(SessionHash.of("session-7"));
		assertThat(this.capture.messages().get(0)).doesNotContain("header.payload.signature", "session-7");
	}

	@Test
	void recordWhenPathIsLongThenCapped() {
		this.audit.answered(new MockHttpServletRequest("GET", "/api/" + "a".repeat(5000)), ErrorCode.MISSING_TOKEN);

		assertThat(this.capture.events().get(0).at("/details/path").asString()).hasSize(200);
	}

	@Test
	void typesWhenEverySecurityCodeThenMapped() {
		assertThat(ProblemAudit.TYPES).containsKeys(ErrorCode.SIGNATURE_MISSING, ErrorCode.SIGNATURE_INVALID,
				ErrorCode.REQUEST_EXPIRED, ErrorCode.INVALID_HEADER, ErrorCode.UPGRADE_REQUIRED,
				ErrorCode.REQUEST_REPLAYED, ErrorCode.CSRF_MISSING, ErrorCode.CSRF_INVALID, ErrorCode.RATE_LIMITED,
				ErrorCode.MISSING_TOKEN, ErrorCode.INVALID_TOKEN, ErrorCode.FORBIDDEN);
		assertThat(ProblemAudit.TYPES.keySet()).doesNotContainAnyElementsOf(ProblemAudit.AUDITED_AT_SOURCE);
	}

}
