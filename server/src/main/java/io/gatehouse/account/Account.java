package io.gatehouse.account;

import java.util.Arrays;

/**
 * A registered user. {@code passwordHash} is an encoded Argon2id hash, never the
 * password; {@code scope} is the space-separated OAuth scope string its sessions carry.
 */
public record Account(long id, String username, String email, String phone, String passwordHash, String scope) {

	/** The scope every user session has. */
	public static final String USER_SCOPE = "user";

	/** Lets a session read any customer's full record (support staff). */
	public static final String CUSTOMERS_READ_SCOPE = "customers:read";

	public boolean hasScope(String wanted) {
		return Arrays.asList(this.scope.split(" ")).contains(wanted);
	}

}
