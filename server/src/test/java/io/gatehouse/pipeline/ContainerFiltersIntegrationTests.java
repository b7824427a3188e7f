package io.gatehouse.pipeline;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.gatehouse.request.RequestIdFilter;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.tracing.TraceparentResponseFilter;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatehouse's own filters in the container's chain are plain filters: they run on a
 * request's own dispatch only, never again on its error dispatch (a second access line, a
 * second request id) nor on an async one, as their {@code OncePerRequestFilter} base once
 * ensured (pipeline/RequestPipeline).
 */
@IntegrationTest
class ContainerFiltersIntegrationTests {

	private static final Set<Class<?>> CONTAINER_FILTERS = Set.of(RequestIdFilter.class,
			TraceparentResponseFilter.class, PayloadTooLargeFilter.class, UnsupportedMediaTypeFilter.class);

	@Autowired
	List<FilterRegistrationBean<?>> registrations;

	@Test
	void containerFiltersWhenRegisteredThenRunOnTheRequestDispatchOnly() {
		List<FilterRegistrationBean<?>> ours = this.registrations.stream()
			.filter((registration) -> CONTAINER_FILTERS.contains(registration.getFilter().getClass()))
			.toList();

		assertThat(ours).hasSize(CONTAINER_FILTERS.size());
		assertThat(ours).allSatisfy((registration) -> {
			assertThat(registration.isEnabled()).isTrue();
			assertThat(registration.determineDispatcherTypes()).isEqualTo(EnumSet.of(DispatcherType.REQUEST));
		});
	}

}
