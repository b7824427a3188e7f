package io.gatehouse.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a real service (PostgreSQL, Redis) skip when it is not reachable,
 * unless {@code gatehouse.require-services=true} (system property) or
 * {@code GATEHOUSE_REQUIRE_SERVICES=true} (environment) is set, as {@code .ci/run} does:
 * then a missing service fails the test instead of hiding it.
 */
public final class RequiredService {

	private RequiredService() {
	}

	public static boolean required() {
		return Boolean.parseBoolean(System.getProperty("gatehouse.require-services"))
				|| Boolean.parseBoolean(System.getenv("GATEHOUSE_REQUIRE_SERVICES"));
	}

	/**
	 * Skips (or fails, when services are required) unless host:port accepts a connection.
	 */
	public static void assumeReachable(String service, String host, int port) {
		if (reachable(host, port)) {
			return;
		}
		String message = service + " is not reachable at " + host + ":" + port;
		if (required()) {
			Assertions.fail(message + " and GATEHOUSE_REQUIRE_SERVICES is set");
		}
		Assumptions.abort(message);
	}

	static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
