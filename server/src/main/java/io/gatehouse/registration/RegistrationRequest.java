package io.gatehouse.registration;

/** The body of {@code POST /api/auth/register}; every field is checked by hand. */
record RegistrationRequest(String username, String email, String phone, String password) {

	@Override
	public String toString() {
		return "RegistrationRequest[username=" + this.username + "]";
	}

}
