package io.gatehouse.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration runs unchanged on PostgreSQL, not only on the embedded H2. */
class FlywayPostgresTests {

	private TestPostgres postgres;

	@AfterEach
	void dropSchema() {
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void migrateWhenFreshSchemaThenEveryMigrationAppliedAndTablesCreated() throws Exception {
		this.postgres = TestPostgres.newSchema();
		Flyway flyway = Flyway.configure()
			.dataSource(this.postgres.jdbcUrl(), TestPostgres.USER, "")
			.schemas(this.postgres.schema())
			.defaultSchema(this.postgres.schema())
			.locations("classpath:db/migration")
			.load();
		flyway.migrate();
		MigrationInfoService info = flyway.info();
		assertThat(info.applied()).isNotEmpty()
			.allSatisfy((migration) -> assertThat(migration.getState().isFailed()).isFalse());
		assertThat(info.pending()).isEmpty();
		assertThat(tables()).contains("accounts", "customers", "sessions", "refresh_tokens");
	}

	@Test
	void migrateWhenAlreadyMigratedThenNothingToDo() {
		this.postgres = TestPostgres.newSchema();
		Flyway flyway = Flyway.configure()
			.dataSource(this.postgres.jdbcUrl(), TestPostgres.USER, "")
			.schemas(this.postgres.schema())
			.defaultSchema(this.postgres.schema())
			.load();
		flyway.migrate();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
	}

	private List<String> tables() throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = this.postgres.connect();
				PreparedStatement query = connection
					.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
			query.setString(1, this.postgres.schema());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
		}
		return tables;
	}

}
