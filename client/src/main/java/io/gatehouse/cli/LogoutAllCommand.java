package io.gatehouse.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse logout-all}: ends every session of the user, on every device, and
 * forgets this one locally; the device token stays in the session file.
 */
@Command(name = "logout-all", mixinStandardHelpOptions = true,
		description = "Ends every session of the logged-in user, on every device, and forgets this one locally.")
final class LogoutAllCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Mixin
	JsonOption format;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			client.logoutAll();
			if (this.format.json) {
				this.format.print(this.cli.out(), Map.of("loggedOutEverywhere", true));
			}
			else {
				this.cli.out().println("Logged out everywhere");
			}
		}
		return 0;
	}

}
