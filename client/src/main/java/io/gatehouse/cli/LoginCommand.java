package io.gatehouse.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse login USERNAME}: logs in with a password from a file,
 * {@code GATEHOUSE_PASSWORD} or typed without echo.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
		description = "Logs in. The password comes from --password-file or GATEHOUSE_PASSWORD, "
				+ "or is asked for without echo.")
final class LoginCommand implements Callable<Integer> {

	@ParentCommand
	GatehouseCli cli;

	@Parameters(paramLabel = "USERNAME", description = "The username.")
	String username;

	@Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password.")
	Path passwordFile;

	@Mixin
	JsonOption format;

	@Spec
	CommandSpec spec;

	@Option(names = "--password", hidden = true, paramLabel = "PASSWORD")
	void refusePassword(String value) {
		GatehouseCli.refuseSecretArgument(this.spec, value, "--password-file or GATEHOUSE_PASSWORD");
	}

	@Override
	public Integer call() {
		char[] password = this.cli.secret(this.passwordFile, "--password-file", "GATEHOUSE_PASSWORD", "Password");
		try (GatehouseClient client = this.cli.client()) {
			Session session = client.login(this.username, password);
			if (this.format.json) {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("subject", session.subject());
				fields.put("scope", session.scope());
				this.format.print(this.cli.out(), fields);
			}
			else {
				this.cli.out().println("Logged in as " + session.subject() + " (scope " + session.scope() + ")");
			}
		}
		finally {
			Arrays.fill(password, '\0');
		}
		return 0;
	}

}
