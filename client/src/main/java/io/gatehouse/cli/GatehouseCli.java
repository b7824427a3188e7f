package io.gatehouse.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Platform;
import io.gatehouse.client.TokenStore;
import okhttp3.HttpUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse}: the Gatehouse flow from a terminal, on top of the Java SDK. The
 * session is kept in a file between runs, so {@code login} and then
 * {@code check-username} work as separate commands.
 */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		description = "Checks usernames, logs in and onboards against a Gatehouse server.",
		subcommands = { GuestCommand.class, LoginCommand.class, LogoutCommand.class, CheckUsernameCommand.class,
				RegisterCommand.class, OnboardCommand.class, SetPinCommand.class, CompletionCommand.class },
		footerHeading = "%nExit codes:%n",
		footer = { "  0  ok", "  1  unexpected local failure (e.g. the session file cannot be written)",
				"  2  usage: bad arguments, or input the server refused (400, 409)",
				"  3  authentication: not logged in, bad credentials, session expired, forbidden (401, 403)",
				"  4  rate limited (429); wait and try again", "  5  server or network failure (5xx, 426, no response)",
				"", "Environment: GATEHOUSE_SERVER, GATEHOUSE_APP_KEY_ID, GATEHOUSE_APP_KEY_SECRET,",
				"GATEHOUSE_SESSION_FILE, GATEHOUSE_PASSWORD, GATEHOUSE_PIN.",
				"Secrets are never taken as arguments (every user of the machine sees those in ps):",
				"they come from a file (--app-key-secret-file, --password-file, --pin-file), the environment,",
				"or the terminal." })
public final class GatehouseCli {

	static final String DEFAULT_SERVER = "http://localhost:8080";

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

	private static final Map<Platform, String[]> DEMO_KEYS = Map.of(Platform.ANDROID,
			new String[] { "android-demo", "gatehouse-demo-android-key-change-me" }, Platform.IOS,
			new String[] { "ios-demo", "gatehouse-demo-ios-key-change-me" }, Platform.WEB,
			new String[] { "web-demo", "gatehouse-demo-web-key-change-me" });

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--server", paramLabel = "URL",
			description = "Gatehouse's base URL (env GATEHOUSE_SERVER; default " + DEFAULT_SERVER + ").")
	String server;

	@Option(names = "--app-key-id", paramLabel = "KID",
			description = "App key id (env GATEHOUSE_APP_KEY_ID; the demo key of the platform for a local server).")
	String appKeyId;

	@Option(names = "--app-key-secret-file", paramLabel = "FILE",
			description = "File holding the app key secret (or env GATEHOUSE_APP_KEY_SECRET).")
	Path appKeySecretFile;

	@Option(names = "--platform", paramLabel = "PLATFORM", defaultValue = "ANDROID",
			description = "WEB, ANDROID or IOS (default ${DEFAULT-VALUE}).")
	Platform platform;

	@Option(names = "--app-version", paramLabel = "VERSION", defaultValue = "1.0.0",
			description = "Version sent as x-app-version (default ${DEFAULT-VALUE}).")
	String appVersion;

	@Option(names = "--locale", paramLabel = "TAG", description = "Language of the server's messages, e.g. ur-PK.")
	String locale;

	@Option(names = "--session-file", paramLabel = "FILE",
			description = "Where the session is kept (env GATEHOUSE_SESSION_FILE; default ~/.gatehouse/session.json).")
	Path sessionFile;

	private final Map<String, String> env;

	private BufferedReader stdin;

	/** The argument form of a secret is refused: arguments show in {@code ps}. */
	@Option(names = "--app-key-secret", hidden = true, paramLabel = "SECRET")
	void refuseAppKeySecret(String value) {
		refuseSecretArgument(this.spec, value, "--app-key-secret-file or GATEHOUSE_APP_KEY_SECRET");
	}

	GatehouseCli(Map<String, String> env) {
		this.env = env;
	}

	/**
	 * Runs the command line and exits with its exit code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		// No SLF4J provider ships in the jar; keep its notice about that off the
		// terminal.
		if (System.getProperty("slf4j.internal.verbosity") == null) {
			System.setProperty("slf4j.internal.verbosity", "ERROR");
		}
		System.exit(commandLine(System.getenv()).execute(args));
	}

	static CommandLine commandLine(Map<String, String> env) {
		CommandLine commandLine = new CommandLine(new GatehouseCli(env));
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setExecutionExceptionHandler(new FailureHandler());
		return commandLine;
	}

	GatehouseClient client() {
		String url = (this.server != null) ? this.server : this.env.getOrDefault("GATEHOUSE_SERVER", DEFAULT_SERVER);
		String kid = (this.appKeyId != null) ? this.appKeyId : this.env.get("GATEHOUSE_APP_KEY_ID");
		String secret = (this.appKeySecretFile != null)
				? new String(readSecretFile(this.appKeySecretFile, "--app-key-secret-file"))
				: this.env.get("GATEHOUSE_APP_KEY_SECRET");
		HttpUrl parsed = HttpUrl.parse(url);
		if (parsed == null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--server is not an http(s) URL: " + url);
		}
		if (kid == null && secret == null && LOOPBACK.contains(parsed.host())) {
			kid = DEMO_KEYS.get(this.platform)[0];
			secret = DEMO_KEYS.get(this.platform)[1];
		}
		if (kid == null || secret == null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"An app key is needed for " + url + ": --app-key-id and --app-key-secret-file");
		}
		try {
			return GatehouseClient.builder()
				.baseUrl(url)
				.platform(this.platform)
				.appVersion(this.appVersion)
				.appKey(kid, secret)
				.locale((this.locale != null) ? Locale.forLanguageTag(this.locale) : Locale.getDefault())
				.tokenStore(TokenStore.file(sessionFile()))
				.build();
		}
		catch (IllegalArgumentException ex) {
			// The builder's checks of what the user typed (--app-version): a usage error.
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	Path sessionFile() {
		if (this.sessionFile != null) {
			return this.sessionFile;
		}
		String fromEnv = this.env.get("GATEHOUSE_SESSION_FILE");
		return (fromEnv != null) ? Path.of(fromEnv)
				: Path.of(System.getProperty("user.home"), ".gatehouse", "session.json");
	}

	/**
	 * A secret from {@code file} when given, else from the environment, else typed at the
	 * terminal without echo, else a line of standard input.
	 */
	char[] secret(Path file, String fileOption, String envName, String prompt) {
		if (file != null) {
			return readSecretFile(file, fileOption);
		}
		String fromEnv = this.env.get(envName);
		if (fromEnv != null) {
			return fromEnv.toCharArray();
		}
		if (System.console() != null) {
			char[] typed = System.console().readPassword("%s: ", prompt);
			if (typed != null) {
				return typed;
			}
		}
		try {
			if (this.stdin == null) {
				this.stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			}
			String line = this.stdin.readLine();
			if (line != null) {
				return line.toCharArray();
			}
		}
		catch (java.io.IOException ex) {
			// Reported below as a usage error.
		}
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				prompt + " is needed: " + fileOption + " or " + envName);
	}

	private char[] readSecretFile(Path file, String option) {
		try {
			return SecretFiles.read(file, option);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	/**
	 * Refuses a secret given as an argument, before anything is sent: it is in the
	 * shell's history and in {@code ps} already, so the message says where it goes.
	 */
	static void refuseSecretArgument(CommandLine.Model.CommandSpec spec, String value, String instead) {
		if (value != null) {
			throw new CommandLine.ParameterException(spec.commandLine(),
					"Secrets are not taken as arguments (they show in ps): use " + instead);
		}
	}

	PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
