package io.gatehouse.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts in the {@code accounts} table; usernames are stored normalised. */
@Repository
public class AccountRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AccountRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The account of a normalised username. */
	public Optional<Account> findByUsername(String username) {
		return this.jdbc
			.sql("SELECT id, username, email, phone, password_hash, scopes FROM accounts WHERE username = ?")
			.param(username)
			.query(AccountRepository::account)
			.optional();
	}

	/**
	 * Inserts an account. The unique index decides races: the loser gets a
	 * {@link DuplicateKeyException}.
	 */
	public Account insert(String username, String email, String phone, String passwordHash, String scope) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO accounts (username, email, phone, password_hash, scopes, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(username, email, phone, passwordHash, scope,
					OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new Account(id, username, email, phone, passwordHash, scope);
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("phone"),
				rs.getString("password_hash"), rs.getString("scopes"));
	}

}
