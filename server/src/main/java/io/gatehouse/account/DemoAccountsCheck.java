package io.gatehouse.account;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile over a database that holds any of the demo
 * accounts of docs/contract.md §6: their password is public, and {@code support_agent}
 * reads every customer's record. Turning demo data off does not remove accounts an
 * earlier start seeded. It runs once the schema is migrated and before the server
 * listens, so no request meets such an account.
 */
@Component
@Profile("prod")
class DemoAccountsCheck implements InitializingBean {

	private final JdbcClient jdbc;

	DemoAccountsCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> present = present();
		if (!present.isEmpty()) {
			throw new IllegalStateException("Refusing to start with profile prod: the database holds the demo accounts "
					+ String.join(", ", present) + " (docs/contract.md §6, public password); delete them");
		}
	}

	List<String> present() {
		List<String> demo = DemoData.USERS.stream().map(DemoData.DemoUser::username).toList();
		return this.jdbc.sql("SELECT username FROM accounts WHERE username IN (:demo) ORDER BY username")
			.param("demo", demo)
			.query(String.class)
			.list();
	}

}
