package io.gatehouse.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo users of docs/contract.md §6 on start, once: a user already present is
 * left as it is, so a restart (or a second instance starting at the same time) changes
 * nothing.
 */
public final class DemoData implements ApplicationRunner {

	/** The password of every demo account (docs/contract.md §6). */
	public static final String PASSWORD = "Gatehouse-demo-1";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	record DemoUser(String username, String email, String phone, String scope, DemoCustomer customer) {
	}

	record DemoCustomer(UUID customerId, String stripeCustomerId, String subscriptionStatus, String pin) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("bmp_kfayy_6526", "testuserbmp@yopmail.com", "+923185456266", Account.USER_SCOPE, null),
			new DemoUser("onboarded_no_pin", "onboarded@example.com", "+14155550101", Account.USER_SCOPE,
					new DemoCustomer(UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e"), "cus_QdemoOnboard01",
							null, null)),
			new DemoUser("fully_active", "active@example.com", "+14155550102", Account.USER_SCOPE,
					new DemoCustomer(UUID.fromString("0b7e9a1c-2d3f-4e5a-9b6c-7d8e9f0a1b2c"), "cus_QdemoActive0001",
							"active", "8264")),
			new DemoUser("support_agent", "support@example.com", "+14155550103",
					Account.USER_SCOPE + " " + Account.CUSTOMERS_READ_SCOPE, null));

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	private final PasswordEncoder hashing;

	private final Clock clock;

	private final TransactionTemplate transaction;

	public DemoData(AccountRepository accounts, JdbcClient jdbc, PasswordEncoder hashing, Clock clock,
			TransactionTemplate transaction) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.hashing = hashing;
		this.clock = clock;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		for (DemoUser user : USERS) {
			if (this.accounts.findByUsername(user.username()).isEmpty() && seed(user)) {
				added++;
			}
		}
		if (added > 0) {
			log.info("Seeded {} demo accounts (docs/contract.md §6)", added);
		}
	}

	/** Account and customer in one transaction: a user present is never half seeded. */
	private boolean seed(DemoUser user) {
		try {
			this.transaction.executeWithoutResult((status) -> insert(user));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another instance seeded the same user at the same moment; its rows stand.
			return false;
		}
	}

	private void insert(DemoUser user) {
		Account account = this.accounts.insert(user.username(), user.email(), user.phone(),
				this.hashing.encode(PASSWORD), user.scope());
		DemoCustomer customer = user.customer();
		if (customer != null) {
			this.jdbc
				.sql("INSERT INTO customers (account_id, customer_id, stripe_customer_id, subscription_status, "
						+ "pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(account.id(), customer.customerId(), customer.stripeCustomerId(), customer.subscriptionStatus(),
						(customer.pin() != null) ? this.hashing.encode(customer.pin()) : null,
						OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
		}
	}

}
