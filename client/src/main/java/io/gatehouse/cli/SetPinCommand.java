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
 * {@code gatehouse set-pin}: sets the customer's PIN, from a file, {@code GATEHOUSE_PIN}
 * or typed without echo.
 */
@Command(name = "set-pin", mixinStandardHelpOptions = true,
		description = "Sets the customer's PIN (4-6 digits, not all one digit nor a straight run). "
				+ "The PIN comes from --pin-file or GATEHOUSE_PIN, or is asked for without echo.")
final class SetPinCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Option(names = "--pin-file", paramLabel = "FILE", description = "File holding the PIN.")
	Path pinFile;

	@Mixin
	JsonOption format;

	@Spec
	CommandSpec spec;

	@Option(names = "--pin", hidden = true, paramLabel = "PIN")
	void refusePin(String value) {
		GatehouseCli.refuseSecretArgument(this.spec, value, "--pin-file or GATEHOUSE_PIN");
	}

	@Override
	public Integer call() {
		char[] pin = this.cli.secret(this.pinFile, "--pin-file", "GATEHOUSE_PIN", "PIN");
		try (GatehouseClient client = this.cli.client()) {
			client.setPin(pin);
			if (this.format.json) {
				this.format.print(this.cli.out(), Map.of("pinSet", true));
			}
			else {
				this.cli.out().println("PIN set");
			}
		}
		finally {
			Arrays.fill(pin, '\0');
		}
		return 0;
	}

}
