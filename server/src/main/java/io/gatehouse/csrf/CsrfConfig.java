package io.gatehouse.csrf;

import java.time.Clock;
import java.util.Arrays;

import io.gatehouse.config.GatehouseProperties;
import io.gatehouse.errors.ProblemWriter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The CSRF beans. The filter runs inside the security chain only (registered in
 * {@code SecurityConfig}); the disabled registration keeps Boot from also adding it to
 * the servlet container's chain, where it would run before authentication.
 */
@Configuration(proxyBeanMethods = false)
class CsrfConfig {

	@Bean
	CsrfTokens csrfTokens(CsrfProperties properties, GatehouseProperties gatehouse, Environment environment,
			Clock clock) {
		// Instances behind one load balancer must share the key, so a generated one won't
		// do.
		boolean shared = Arrays.asList(environment.getActiveProfiles()).contains("cluster");
		byte[] secret = CsrfSecret.resolve(properties.secret(), properties.secretFile(), gatehouse.dataDir(), shared);
		return new CsrfTokens(secret, CsrfSecret.previous(properties.previousSecrets()), properties.ttl(), clock);
	}

	@Bean
	CsrfTokenFilter csrfTokenFilter(CsrfTokens csrfTokens, ProblemWriter problems) {
		return new CsrfTokenFilter(csrfTokens, problems);
	}

	@Bean
	FilterRegistrationBean<CsrfTokenFilter> csrfTokenFilterRegistration(CsrfTokenFilter filter) {
		FilterRegistrationBean<CsrfTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
