package io.gatehouse.client;

/**
 * The answer of the username check (docs/contract.md §3): the eight fields as the wire
 * has them, nulls included, plus whether the session that asked is that user, which
 * decides the {@linkplain #nextStep() next step}.
 * <p>
 * A session that may not see the full record (a guest, another user) gets only
 * {@code exists}; the other fields are then {@code null}, and {@code hasCustomer} and
 * {@code pinSet} are {@code false}.
 *
 * @param exists whether an account has this username
 * @param hasCustomer whether the account has a customer profile
 * @param customerId the customer profile's id, or {@code null}
 * @param stripeCustomerId the Stripe customer id ({@code cus_…}), or {@code null}
 * @param email the account's email, or {@code null}
 * @param phone the account's phone number in E.164, or {@code null}
 * @param subscriptionStatus the Stripe subscription status, or {@code null}
 * @param pinSet whether the customer has set a PIN
 * @param callerIsUser whether the session that asked is this username's own (not a wire
 * field: the SDK compares the checked username with the access token's subject)
 */
public record UsernameCheck(boolean exists, boolean hasCustomer, String customerId, String stripeCustomerId,
		String email, String phone, SubscriptionStatus subscriptionStatus, boolean pinSet, boolean callerIsUser) {

	/**
	 * What the app does next, exactly as the table of docs/contract.md §3 says.
	 * @return the next step
	 */
	public NextStep nextStep() {
		if (!this.exists) {
			return NextStep.REGISTER;
		}
		if (!this.callerIsUser) {
			return NextStep.LOG_IN;
		}
		if (!this.hasCustomer) {
			return NextStep.ONBOARDING;
		}
		return this.pinSet ? NextStep.HOME : NextStep.SET_PIN;
	}

	/**
	 * Masks the email and the phone number, so that logging a check reveals neither.
	 */
	@Override
	public String toString() {
		return "UsernameCheck[exists=" + this.exists + ", hasCustomer=" + this.hasCustomer + ", customerId="
				+ this.customerId + ", stripeCustomerId=" + this.stripeCustomerId + ", email="
				+ Masking.email(this.email) + ", phone=" + Masking.phone(this.phone) + ", subscriptionStatus="
				+ this.subscriptionStatus + ", pinSet=" + this.pinSet + ", callerIsUser=" + this.callerIsUser + "]";
	}

}
