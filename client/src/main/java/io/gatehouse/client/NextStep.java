package io.gatehouse.client;

/**
 * What an app shows after a username check (docs/contract.md §3, "What a client does with
 * it").
 */
public enum NextStep {

	/** The username is free: offer registration. */
	REGISTER,

	/** The account exists but the session is not that user's: ask them to log in. */
	LOG_IN,

	/** The user is logged in without a customer profile: create it. */
	ONBOARDING,

	/** The customer has no PIN yet: ask for one. */
	SET_PIN,

	/** Everything is set up. */
	HOME

}
