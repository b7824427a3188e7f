package io.gatehouse.customer;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer of the username check (docs/contract.md §3): always these eight fields, in
 * this order, nulls included, so an answer's shape says nothing its values do not.
 */
@JsonPropertyOrder({ "exists", "hasCustomer", "customerId", "stripeCustomerId", "email", "phone", "subscriptionStatus",
		"pinSet" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UsernameCheck(boolean exists, boolean hasCustomer, UUID customerId, String stripeCustomerId, String email,
		String phone, String subscriptionStatus, boolean pinSet) {

	static final UsernameCheck UNKNOWN = new UsernameCheck(false, false, null, null, null, null, null, false);

	/** What a caller who may not see the record learns: only that the name exists. */
	static UsernameCheck existsOnly() {
		return new UsernameCheck(true, false, null, null, null, null, null, false);
	}

}
