package io.gatehouse.tracing;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tracing's one addition to what Boot configures (Micrometer Tracing over OpenTelemetry,
 * W3C propagation, OTLP export only when an endpoint is set): the {@code traceparent}
 * response header.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfig {

	/**
	 * After Boot's {@code ServerHttpObservationFilter} ({@code HIGHEST_PRECEDENCE + 1}),
	 * whose span is then the current one.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Bean
	FilterRegistrationBean<TraceparentResponseFilter> traceparentResponseFilter(ObjectProvider<Tracer> tracer) {
		FilterRegistrationBean<TraceparentResponseFilter> registration = new FilterRegistrationBean<>(
				new TraceparentResponseFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
		registration.setOrder(ORDER);
		return registration;
	}

}
