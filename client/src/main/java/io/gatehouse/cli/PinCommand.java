package io.gatehouse.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse pin}: changes the customer's PIN, which needs the current one
 * (docs/contract.md §2). Neither PIN is ever a command-line argument (other users see
 * arguments in the process list): each comes from a file, an environment variable or the
 * terminal without echo.
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
		description = "Changes the customer's PIN. The new PIN comes from --pin-file or GATEHOUSE_PIN, "
				+ "the current one from --current-pin-file or GATEHOUSE_CURRENT_PIN; "
				+ "either is asked for without echo otherwise.")
final class PinCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Option(names = "--pin-file", paramLabel = "FILE", description = "File holding the new PIN.")
	Path pinFile;

	@Option(names = "--current-pin-file", paramLabel = "FILE", description = "File holding the current PIN.")
	Path currentPinFile;

	@Mixin
	JsonOption format;

	@Spec
	CommandSpec spec;

	@Option(names = "--pin", hidden = true, paramLabel = "PIN")
	void refusePin(String value) {
		GatehouseCli.refuseSecretArgument(this.spec, value, "--pin-file or GATEHOUSE_PIN");
	}

	@Option(names = "--current-pin", hidden = true, paramLabel = "PIN")
	void refuseCurrentPin(String value) {
		GatehouseCli.refuseSecretArgument(this.spec, value, "--current-pin-file or GATEHOUSE_CURRENT_PIN");
	}

	@Override
	public Integer call() {
		char[] currentPin = this.cli.secret(this.currentPinFile, "--current-pin-file", "GATEHOUSE_CURRENT_PIN",
				"Current PIN");
		char[] pin = null;
		try (GatehouseClient client = this.cli.client()) {
			pin = this.cli.secret(this.pinFile, "--pin-file", "GATEHOUSE_PIN", "New PIN");
			client.changePin(pin, currentPin);
			if (this.format.json) {
				this.format.print(this.cli.out(), Map.of("pinChanged", true));
			}
			else {
				this.cli.out().println("PIN changed");
			}
		}
		finally {
			Arrays.fill(currentPin, '\0');
			if (pin != null) {
				Arrays.fill(pin, '\0');
			}
		}
		return 0;
	}

}
