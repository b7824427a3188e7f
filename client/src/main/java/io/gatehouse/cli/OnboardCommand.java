package io.gatehouse.cli;

import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse onboard}: creates the logged-in user's customer profile.
 */
@Command(name = "onboard", mixinStandardHelpOptions = true,
		description = "Creates the logged-in user's customer profile (or shows the existing one).")
final class OnboardCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Mixin
	JsonOption format;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			CheckPrinter.print(this.cli.out(), client.createCustomer(), this.format);
		}
		return 0;
	}

}
