package io.gatehouse.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse register USERNAME --email --phone}: registers an account.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
		description = "Registers an account. The password comes from --password-file or GATEHOUSE_PASSWORD, "
				+ "or is asked for without echo. Log in afterwards.")
final class RegisterCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Parameters(paramLabel = "USERNAME", description = "3-32 of a-z, 0-9, '.' and '_'.")
	String username;

	@Option(names = "--email", required = true, description = "Email address.")
	String email;

	@Option(names = "--phone", required = true, description = "Phone number in E.164, e.g. +923185456266.")
	String phone;

	@Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password.")
	Path passwordFile;

	@Mixin
	JsonOption format;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--password", hidden = true, paramLabel = "PASSWORD")
	void refusePassword(String value) {
		GatehouseCli.refuseSecretArgument(this.spec, value, "--password-file or GATEHOUSE_PASSWORD");
	}

	@Override
	public Integer call() {
		char[] password = this.cli.secret(this.passwordFile, "--password-file", "GATEHOUSE_PASSWORD", "Password");
		try (GatehouseClient client = this.cli.client()) {
			CheckPrinter.print(this.cli.out(), client.register(this.username, this.email, this.phone, password),
					this.format);
		}
		finally {
			Arrays.fill(password, '\0');
		}
		return 0;
	}

}
