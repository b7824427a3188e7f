package io.gatehouse.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse login USERNAME}: logs in with a password from
 * {@code GATEHOUSE_PASSWORD} or typed without echo.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
		description = "Logs in. The password comes from GATEHOUSE_PASSWORD, or is asked for without echo.")
final class LoginCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Parameters(paramLabel = "USERNAME", description = "The username.")
	String username;

	@Override
	public Integer call() {
		char[] password = this.cli.secret("GATEHOUSE_PASSWORD", "Password");
		try (GatehouseClient client = this.cli.client()) {
			Session session = client.login(this.username, password);
			this.cli.out().println("Logged in as " + session.subject() + " (scope " + session.scope() + ")");
		}
		finally {
			Arrays.fill(password, '\0');
		}
		return 0;
	}

}
