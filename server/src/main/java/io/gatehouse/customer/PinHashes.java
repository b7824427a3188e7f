package io.gatehouse.customer;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code customers.pin_hash} (Argon2id). Every write is conditional on the hash the
 * caller saw, so of two racing changes only one lands, and a first PIN set concurrently
 * with another turns the loser into a change that must prove the winner's PIN.
 */
@Repository
class PinHashes {

	/** A customer profile's PIN: {@code hash} is null until one is set. */
	record Pin(String hash) {

		boolean isSet() {
			return this.hash != null;
		}

		@Override
		public String toString() {
			return "Pin[set=" + isSet() + "]";
		}

	}

	private final JdbcClient jdbc;

	PinHashes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The profile's PIN, or empty when the account has no customer profile. */
	Optional<Pin> find(long accountId) {
		return this.jdbc.sql("SELECT pin_hash FROM customers WHERE account_id = ?")
			.param(accountId)
			.query((rs, row) -> new Pin(rs.getString("pin_hash")))
			.optional();
	}

	/** Sets the first PIN; false when one was set meanwhile. */
	boolean setFirst(long accountId, String hash) {
		return this.jdbc.sql("UPDATE customers SET pin_hash = ? WHERE account_id = ? AND pin_hash IS NULL")
			.params(hash, accountId)
			.update() == 1;
	}

	/** Replaces the PIN the caller proved; false when it changed meanwhile. */
	boolean replace(long accountId, String provenHash, String hash) {
		return this.jdbc.sql("UPDATE customers SET pin_hash = ? WHERE account_id = ? AND pin_hash = ?")
			.params(hash, accountId, provenHash)
			.update() == 1;
	}

}
