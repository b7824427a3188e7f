package io.gatehouse.customer;

import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The customer feature's beans that need a choice: Stripe only with a key (a test
 * replaces the bean with a recorded fake).
 */
@Configuration(proxyBeanMethods = false)
class CustomerConfig {

	@Bean
	StripeCustomers stripeCustomers(StripeProperties properties, JsonMapper json) {
		if (!properties.configured()) {
			return (account) -> Optional.empty();
		}
		return new StripeApiCustomers(properties, json);
	}

}
