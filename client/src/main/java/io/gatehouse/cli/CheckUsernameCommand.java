package io.gatehouse.cli;

import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse check-username NAME}: prints the eight fields and the next step.
 */
@Command(name = "check-username", mixinStandardHelpOptions = true,
		description = "Checks a username and prints its fields and the next step "
				+ "(REGISTER, LOG_IN, ONBOARDING, SET_PIN or HOME). Takes a guest session when there is none.")
final class CheckUsernameCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Parameters(paramLabel = "NAME", description = "The username.")
	String name;

	@Mixin
	JsonOption format;

	@Override
	public Integer call() {
		try (GatehouseClient client = this.cli.client()) {
			CheckPrinter.print(this.cli.out(), client.checkUsername(this.name), this.format);
		}
		return 0;
	}

}
