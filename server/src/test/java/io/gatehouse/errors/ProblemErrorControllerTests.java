package io.gatehouse.errors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTests {

	private final ProblemErrorController controller = new ProblemErrorController(
			new ProblemWriter(messages(), JsonMapper.builder().build(), new SimpleMeterRegistry()));

	@Test
	void errorWhenSharedStateFailedInAFilterThenServiceUnavailableWithRetryAfter() {
		MockHttpServletRequest request = failed(new IllegalStateException("wrapped",
				new StateUnavailableException("Redis could not check a revocation", null)));
		ResponseEntity<Problem> response = this.controller.error(request);
		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getBody().code()).isEqualTo("service-unavailable");
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
	}

	@Test
	void errorWhenDatabaseFailedInAFilterThenServiceUnavailable() {
		ResponseEntity<Problem> response = this.controller
			.error(failed(new DataAccessResourceFailureException("PostgreSQL is down")));
		assertThat(response.getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void errorWhenAnythingElseFailedThenInternalError() {
		ResponseEntity<Problem> response = this.controller.error(failed(new IllegalStateException("bug")));
		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(response.getBody().code()).isEqualTo("internal-error");
	}

	@Test
	void errorWhenRequestedDirectlyThenNotFound() {
		ResponseEntity<Problem> response = this.controller.error(new MockHttpServletRequest("GET", "/error"));
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody().code()).isEqualTo("not-found");
		assertThat(response.getBody().instance()).isEqualTo("/error");
	}

	private static MockHttpServletRequest failed(Throwable failure) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/auth/csrf-token");
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
		return request;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
