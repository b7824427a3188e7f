package io.gatehouse.cli;

import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse onboard}: creates the logged-in user's customer profile.
 */
@Command(name = "onboard", mixinStandardHelpOptions = true,
		description = "Creates the logged-in user's customer profile (or shows the existing one).")
final class OnboardCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Option(names = "--json", description = "Print JSON.")
	boolean json;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			CheckPrinter.print(this.cli.out(), client.createCustomer(), this.json);
		}
		return 0;
	}

}
