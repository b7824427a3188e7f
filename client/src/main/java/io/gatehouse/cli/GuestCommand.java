package io.gatehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse guest}: takes a guest session.
 */
@Command(name = "guest", mixinStandardHelpOptions = true,
		description = "Takes a guest session (replacing any session in the session file).")
final class GuestCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Mixin
	JsonOption format;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			Session session = client.guest();
			if (this.format.json) {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("subject", session.subject());
				fields.put("scope", session.scope());
				this.format.print(this.cli.out(), fields);
			}
			else {
				this.cli.out().println("Guest session " + session.subject() + " (scope " + session.scope() + ")");
			}
		}
		return 0;
	}

}
