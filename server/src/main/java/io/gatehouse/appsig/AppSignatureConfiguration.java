package io.gatehouse.appsig;

import java.time.Clock;

import io.gatehouse.errors.ProblemWriter;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The app-signature beans. The signature filter runs only inside the security filter
 * chain (registered there by {@code SecurityConfig}), never a second time as a plain
 * servlet filter; the 413 filter, then the 415 filter, run right after that chain.
 */
@Configuration(proxyBeanMethods = false)
class AppSignatureConfiguration {

	@Bean
	@Profile("!cluster")
	NonceStore nonceStore(AppSignatureProperties properties, Clock clock) {
		return new InMemoryNonceStore(properties.maxClockSkew(), properties.minClockSkew(),
				properties.replayMemory().toBytes(), clock);
	}

	@Bean
	ReplayGuardMetrics replayGuardMetrics(NonceStore nonceStore) {
		return new ReplayGuardMetrics(nonceStore);
	}

	@Bean
	AppSignatureFilter appSignatureFilter(AppSignatureProperties properties, NonceStore nonceStore, Clock clock,
			ProblemWriter problems) {
		SignatureVerifier verifier = new SignatureVerifier(properties.apps());
		return new AppSignatureFilter(new SignedRequestCheck(properties, verifier, nonceStore, clock), problems);
	}

	@Bean
	FilterRegistrationBean<AppSignatureFilter> appSignatureFilterRegistration(AppSignatureFilter filter) {
		FilterRegistrationBean<AppSignatureFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PayloadTooLargeFilter> payloadTooLargeFilter(ProblemWriter problems,
			SecurityFilterProperties security) {
		FilterRegistrationBean<PayloadTooLargeFilter> registration = new FilterRegistrationBean<>(
				new PayloadTooLargeFilter(problems));
		registration.setOrder(security.getOrder() + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UnsupportedMediaTypeFilter> unsupportedMediaTypeFilter(ProblemWriter problems,
			SecurityFilterProperties security) {
		FilterRegistrationBean<UnsupportedMediaTypeFilter> registration = new FilterRegistrationBean<>(
				new UnsupportedMediaTypeFilter(problems));
		registration.setOrder(security.getOrder() + 2);
		return registration;
	}

}
