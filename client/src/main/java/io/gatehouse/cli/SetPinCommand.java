package io.gatehouse.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse set-pin}: sets the customer's PIN, from {@code GATEHOUSE_PIN} or typed
 * without echo.
 */
@Command(name = "set-pin", mixinStandardHelpOptions = true,
		description = "Sets the customer's PIN (4-6 digits, not all one digit nor a straight run). "
				+ "The PIN comes from GATEHOUSE_PIN, or is asked for without echo.")
final class SetPinCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Override
	public Integer call() {
		char[] pin = this.cli.secret("GATEHOUSE_PIN", "PIN");
		try (GatehouseClient client = this.cli.client()) {
			client.setPin(pin);
			this.cli.out().println("PIN set");
		}
		finally {
			Arrays.fill(pin, '\0');
		}
		return 0;
	}

}
