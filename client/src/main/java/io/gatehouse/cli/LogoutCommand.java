package io.gatehouse.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse logout}: ends the session on the server and deletes the session file.
 */
@Command(name = "logout", mixinStandardHelpOptions = true,
		description = "Ends the session on the server and forgets it locally.")
final class LogoutCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Mixin
	JsonOption format;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			boolean hadSession = client.session() != null;
			client.logout();
			if (this.format.json) {
				this.format.print(this.cli.out(), Map.of("loggedOut", hadSession));
			}
			else {
				this.cli.out().println(hadSession ? "Logged out" : "No session");
			}
		}
		return 0;
	}

}
