package io.gatehouse.cli;

import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse guest}: takes a guest session.
 */
@Command(name = "guest", mixinStandardHelpOptions = true,
		description = "Takes a guest session (replacing any session in the session file).")
final class GuestCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			Session session = client.guest();
			this.cli.out().println("Guest session " + session.subject() + " (scope " + session.scope() + ")");
		}
		return 0;
	}

}
