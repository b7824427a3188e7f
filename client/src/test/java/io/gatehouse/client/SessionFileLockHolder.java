package io.gatehouse.client;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another process for {@code FileTokenStoreTests}: holds the lock of the session file
 * given as its argument, says {@code locked}, and lets go when its standard input ends.
 */
final class SessionFileLockHolder {

	private SessionFileLockHolder() {
	}

	public static void main(String[] args) {
		new FileTokenStore(Path.of(args[0])).locked(() -> {
			System.out.println("locked");
			System.out.flush();
			try {
				while (System.in.read() != -1) {
					// Wait for the test to close our input.
				}
			}
			catch (IOException ex) {
				// The test is gone: let go.
			}
			return null;
		});
	}

}
