package io.gatehouse.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts joined with their customer profiles ({@code customers}, keyed by account id,
 * so the primary key decides every creation race).
 */
@Repository
class ProfileRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	ProfileRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The profile of a normalised username. One query whether or not the name exists, so
	 * both answers cost the same.
	 */
	Optional<Profile> findByUsername(String username) {
		return this.jdbc
			.sql("SELECT a.id, a.username, a.email, a.phone, c.customer_id, c.stripe_customer_id, "
					+ "c.subscription_status, c.pin_hash FROM accounts a "
					+ "LEFT JOIN customers c ON c.account_id = a.id WHERE a.username = ?")
			.param(username)
			.query(ProfileRepository::profile)
			.optional();
	}

	/**
	 * Creates the account's customer profile unless it has one.
	 * @return whether this call created it (false: it existed, or a concurrent call won)
	 */
	boolean createCustomer(long accountId, UUID customerId) {
		try {
			this.jdbc.sql("INSERT INTO customers (account_id, customer_id, created_at) VALUES (?, ?, ?)")
				.params(accountId, customerId, OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void setStripeCustomerId(long accountId, String stripeCustomerId) {
		this.jdbc.sql("UPDATE customers SET stripe_customer_id = ? WHERE account_id = ?")
			.params(stripeCustomerId, accountId)
			.update();
	}

	/**
	 * By position, in the SELECT's order: a column read by name makes H2 upper-case the
	 * name and look it up on every call, and this query runs on every username check.
	 */
	private static Profile profile(ResultSet rs, int row) throws SQLException {
		return new Profile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8) != null);
	}

}
