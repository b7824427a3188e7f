package io.gatehouse.auth;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scope an account grants now, read at every refresh: a scope taken away reaches the
 * account's live sessions at their next refresh, and a deleted account refreshes no more.
 */
@Repository
class AccountScopes {

	private final JdbcClient jdbc;

	AccountScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's scope string, or empty when the account is gone. */
	Optional<String> current(long accountId) {
		return this.jdbc.sql("SELECT scopes FROM accounts WHERE id = ?")
			.param(accountId)
			.query(String.class)
			.optional();
	}

}
