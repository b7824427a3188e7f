package io.gatehouse.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.gatehouse.bench.textbook.TextbookResourceServer;
import io.gatehouse.client.BenchSigner;
import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.Platform;
import io.gatehouse.client.Session;
import io.gatehouse.client.TokenStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes what bench/wrk/presigned.lua replays, so that wrk sends Gatehouse's secured
 * request without signing anything while it measures: the driver's CPU stays out of the
 * figures. Mode {@code gatehouse} logs in with the SDK, fetches the session's CSRF token
 * and pre-signs {@code --count} username checks, each with its own nonce and the current
 * time (the server accepts a {@code ts} within 300 s, so the file is written just before
 * it is used). Mode {@code textbook} writes the textbook server's bearer header.
 *
 * <p>
 * File format of mode {@code gatehouse}: the request line and the constant headers, one a
 * line, an empty line, then one {@code payload signature} pair a line.
 */
@Command(name = "wrk-requests", mixinStandardHelpOptions = true,
		description = "Pre-signed requests for wrk (127.0.0.1 only); see bench/README.md.")
public final class WrkRequests implements Callable<Integer> {

	static final int MAX_COUNT = 2_000_000;

	private static final String PASSWORD = "Gatehouse-demo-1";

	@Option(names = "--mode", required = true, description = "gatehouse or textbook")
	LoadDriver.Mode mode;

	@Option(names = "--url", description = "http://127.0.0.1:PORT of the Gatehouse server (mode gatehouse)")
	String url;

	@Option(names = "--target", defaultValue = "check",
			description = "check (the username check as the user) or login (POST /api/auth/token)")
	String target;

	@Option(names = "--count", defaultValue = "100000", description = "signed requests to write, at most 2000000")
	int count;

	@Option(names = "--textbook-key", description = "the textbook server's key file (mode textbook)")
	Path textbookKey;

	@Option(names = "--out", required = true, description = "file to write")
	Path out;

	public static void main(String[] args) {
		System.exit(new CommandLine(new WrkRequests()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		if (this.mode == LoadDriver.Mode.textbook) {
			String bearer = TextbookTarget.mint(this.textbookKey, LoadDriver.USERNAME);
			Files.writeString(this.out, "Authorization: Bearer " + bearer + "\n", StandardCharsets.US_ASCII);
			return 0;
		}
		if (this.count < 1 || this.count > MAX_COUNT) {
			throw new IllegalArgumentException("--count must lie between 1 and " + MAX_COUNT);
		}
		String base = LoadDriver.checkedUrl(this.url).toString();
		BenchSigner signer = new BenchSigner("android-demo", "gatehouse-demo-android-key-change-me");
		try (BufferedWriter writer = Files.newBufferedWriter(this.out, StandardCharsets.US_ASCII)) {
			if ("login".equals(this.target)) {
				writeLogins(writer, base, signer);
			}
			else {
				writeChecks(writer, base, signer);
			}
		}
		System.err.printf(Locale.ROOT, "wrote %d signed requests to %s%n", this.count, this.out);
		return 0;
	}

	private void writeChecks(BufferedWriter writer, String base, BenchSigner signer) throws IOException {
		Session session = login(base);
		String path = "/api/customers/check-username/" + LoadDriver.USERNAME;
		writeHead(writer, "GET", path, base);
		writer.write("Authorization: Bearer " + session.accessToken() + "\n");
		writer.write("x-csrf-token: " + session.csrfToken() + "\n");
		writer.write("x-username: " + LoadDriver.USERNAME + "\n");
		writer.write("\n");
		byte[] noBody = new byte[0];
		for (int i = 0; i < this.count; i++) {
			writeSignature(writer, signer.sign("GET", path, noBody, session.accessToken()));
		}
	}

	/**
	 * Successful logins (a failed one would count towards the login limits): the Argon2id
	 * verify of each is what this measures. The body follows the headers on a line of its
	 * own, after {@code #body }.
	 */
	private void writeLogins(BufferedWriter writer, String base, BenchSigner signer) throws IOException {
		String path = "/api/auth/token";
		String password = System.getenv().getOrDefault("GATEHOUSE_PASSWORD", PASSWORD);
		byte[] body = ("{\"username\":\"" + LoadDriver.USERNAME + "\",\"password\":\"" + password + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		writeHead(writer, "POST", path, base);
		writer.write("Content-Length: " + body.length + "\n");
		writer.write("#body " + new String(body, StandardCharsets.UTF_8) + "\n");
		writer.write("\n");
		for (int i = 0; i < this.count; i++) {
			writeSignature(writer, signer.sign("POST", path, body, null));
		}
	}

	private static void writeHead(BufferedWriter writer, String method, String path, String base) throws IOException {
		writer.write(method + " " + path + " HTTP/1.1\n");
		writer.write("Host: " + base.substring("http://".length()) + "\n");
		writer.write("x-platform: android\n");
		writer.write("x-app-version: 1.4.0\n");
		writer.write("locale: en\n");
		writer.write("Content-Type: application/json\n");
	}

	private static void writeSignature(BufferedWriter writer, String[] signature) throws IOException {
		writer.write(signature[0]);
		writer.write(' ');
		writer.write(signature[1]);
		writer.write('\n');
	}

	/** A user session with its CSRF token, as the SDK holds it after one check. */
	private static Session login(String base) throws IOException {
		TokenStore store = TokenStore.inMemory();
		try (GatehouseClient client = GatehouseClient.builder()
			.baseUrl(base)
			.platform(Platform.ANDROID)
			.appVersion("1.4.0")
			.appKey("android-demo", "gatehouse-demo-android-key-change-me")
			.locale(Locale.ENGLISH)
			.tokenStore(store)
			.callTimeout(Duration.ofSeconds(30))
			.build()) {
			client.login(LoadDriver.USERNAME,
					System.getenv().getOrDefault("GATEHOUSE_PASSWORD", PASSWORD).toCharArray());
			if (!client.checkUsername(LoadDriver.USERNAME).exists()) {
				throw new IllegalStateException("The bench user does not exist");
			}
		}
		Session session = store.load();
		if (session == null || session.csrfToken() == null) {
			throw new IllegalStateException("No session with a CSRF token after the first check");
		}
		return session;
	}

}
