package io.gatehouse.customer;

import java.util.Optional;

import io.gatehouse.account.Account;

/**
 * Creates the payment provider's customer for a new customer profile. Without a Stripe
 * key (the embedded default and every test) nothing is called and the id stays null.
 */
public interface StripeCustomers {

	/**
	 * The new Stripe customer id ({@code cus_...}), or empty when Stripe is not
	 * configured or did not answer; a profile without one is still a profile.
	 */
	Optional<String> createCustomer(Account account);

}
