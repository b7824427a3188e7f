package io.gatehouse.customer;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe settings ({@code gatehouse.stripe.*}). With no {@code secret-key} Gatehouse
 * never calls Stripe and new customers have {@code stripeCustomerId: null}.
 *
 * @param secretKey a Stripe secret key ({@code sk_test_...} or {@code sk_live_...}), from
 * the environment ({@code GATEHOUSE_STRIPE_SECRET_KEY}), never from a committed file
 * @param apiBase the Stripe API's address
 * @param timeout how long to wait for Stripe before going on without an id
 */
@Validated
@ConfigurationProperties("gatehouse.stripe")
public record StripeProperties(String secretKey, @DefaultValue("https://api.stripe.com") URI apiBase,
		@DefaultValue("5s") Duration timeout) {

	public boolean configured() {
		return this.secretKey != null && !this.secretKey.isBlank();
	}

}
