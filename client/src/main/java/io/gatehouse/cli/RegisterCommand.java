package io.gatehouse.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse register USERNAME --email --phone}: registers an account.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
		description = "Registers an account. The password comes from GATEHOUSE_PASSWORD, or is asked for "
				+ "without echo. Log in afterwards.")
final class RegisterCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Parameters(paramLabel = "USERNAME", description = "3-32 of a-z, 0-9, '.' and '_'.")
	String username;

	@Option(names = "--email", required = true, description = "Email address.")
	String email;

	@Option(names = "--phone", required = true, description = "Phone number in E.164, e.g. +923185456266.")
	String phone;

	@Option(names = "--json", description = "Print JSON.")
	boolean json;

	@Override
	public Integer call() {
		char[] password = this.cli.secret("GATEHOUSE_PASSWORD", "Password");
		try (GatehouseClient client = this.cli.client()) {
			CheckPrinter.print(this.cli.out(), client.register(this.username, this.email, this.phone, password),
					this.json);
		}
		finally {
			Arrays.fill(password, '\0');
		}
		return 0;
	}

}
