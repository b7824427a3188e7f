package io.gatehouse.samples.checkusername;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.GatehouseException;
import io.gatehouse.client.Platform;
import io.gatehouse.client.RateLimitedException;
import io.gatehouse.client.TokenStore;
import io.gatehouse.client.UsernameCheck;

/**
 * Checks a username the way an app does with the Gatehouse SDK: one client, a guest
 * session taken for you, a log-in when a password is given, and the next step to show.
 * <pre>
 * GATEHOUSE_SERVER=http://localhost:8080 GATEHOUSE_APP_KEY_ID=android-demo \
 * GATEHOUSE_APP_KEY_SECRET=gatehouse-demo-android-key-change-me \
 * java -cp ... io.gatehouse.samples.checkusername.CheckUsername bmp_kfayy_6526
 * </pre> With {@code GATEHOUSE_PASSWORD} set it logs in first and prints the user's own
 * record.
 */
public final class CheckUsername {

	private CheckUsername() {
	}

	/**
	 * Runs the sample and exits: 0 when the check answered, 1 when it failed.
	 * @param args the username
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), System.out));
	}

	static int run(String[] args, Map<String, String> env, PrintStream out) {
		if (args.length != 1) {
			out.println("Usage: CheckUsername USERNAME (env GATEHOUSE_SERVER, GATEHOUSE_APP_KEY_ID, "
					+ "GATEHOUSE_APP_KEY_SECRET, optional GATEHOUSE_PASSWORD)");
			return 1;
		}
		String username = args[0];
		try (GatehouseClient gatehouse = GatehouseClient.builder()
			.baseUrl(env.getOrDefault("GATEHOUSE_SERVER", "http://localhost:8080"))
			.platform(Platform.ANDROID)
			.appVersion("1.4.0")
			.appKey(env.get("GATEHOUSE_APP_KEY_ID"), env.get("GATEHOUSE_APP_KEY_SECRET"))
			.locale(Locale.ENGLISH)
			.tokenStore(TokenStore.inMemory())
			.build()) {
			String password = env.get("GATEHOUSE_PASSWORD");
			if (password != null) {
				out.println("Logged in as " + gatehouse.login(username, password.toCharArray()).subject());
			}
			UsernameCheck check = gatehouse.checkUsername(username);
			out.println(username + ": exists " + check.exists() + ", next step " + check.nextStep());
			return 0;
		}
		catch (RateLimitedException ex) {
			out.println("Too many tries; wait " + ex.retryAfter());
			return 1;
		}
		catch (GatehouseException ex) {
			out.println("Refused: " + ex.code() + " (" + ex.detail() + "), request id " + ex.requestId());
			return 1;
		}
	}

}
