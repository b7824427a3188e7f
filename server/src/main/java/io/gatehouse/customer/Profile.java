package io.gatehouse.customer;

import java.util.UUID;

/**
 * An account with its customer profile, if any, as one query reads it. {@code customerId}
 * is null until onboarding; the PIN itself never leaves the database, only whether one is
 * set.
 */
record Profile(long accountId, String username, String email, String phone, UUID customerId, String stripeCustomerId,
		String subscriptionStatus, boolean pinSet) {

	boolean hasCustomer() {
		return this.customerId != null;
	}

	/** The full record, for the user itself or a {@code customers:read} session. */
	UsernameCheck fullCheck() {
		return new UsernameCheck(true, hasCustomer(), this.customerId, this.stripeCustomerId, this.email, this.phone,
				this.subscriptionStatus, this.pinSet);
	}

}
