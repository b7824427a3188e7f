package io.gatehouse.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.gatehouse.support.RequiredService;

/**
 * A schema of its own on the machine's PostgreSQL ({@code test} database), created by
 * Flyway on first start and dropped by {@link #close()}, so test runs never meet.
 */
final class TestPostgres implements AutoCloseable {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static final String USER = "postgres";

	private final String schema = "gh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private TestPostgres() {
	}

	/**
	 * A fresh schema name, skipping (or failing in CI) when PostgreSQL is not running.
	 */
	static TestPostgres newSchema() {
		RequiredService.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
		return new TestPostgres();
	}

	String schema() {
		return this.schema;
	}

	String jdbcUrl() {
		return URL + "?currentSchema=" + this.schema;
	}

	/** Command-line properties that put an instance's tables in this schema. */
	List<String> springArgs() {
		return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + USER,
				"--spring.flyway.schemas=" + this.schema, "--spring.flyway.default-schema=" + this.schema);
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), USER, "");
	}

	@Override
	public void close() {
		try (Connection connection = DriverManager.getConnection(URL, USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test schema " + this.schema, ex);
		}
	}

}
