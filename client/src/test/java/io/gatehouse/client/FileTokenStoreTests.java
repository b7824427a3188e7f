package io.gatehouse.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class FileTokenStoreTests {

	private static final Session SESSION = new Session("access", "refresh", "user", Instant.ofEpochMilli(1000),
			Instant.ofEpochMilli(2000), "bmp_kfayy_6526", "csrf", Instant.ofEpochMilli(3000));

	@TempDir
	Path dir;

	@Test
	void saveWhenLoadedByAnotherStoreThenSameSession() {
		Path file = this.dir.resolve("nested/session.json");
		TokenStore.file(file).save(SESSION);

		assertThat(TokenStore.file(file).load()).isEqualTo(SESSION);
	}

	@Test
	void saveWhenWrittenThenOwnerOnlyPermissions() throws Exception {
		Path file = this.dir.resolve("session.json");
		TokenStore.file(file).save(SESSION);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.list(this.dir)).containsExactly(file);
	}

	@Test
	void saveWhenFileCannotBeReplacedThenNoTemporaryCopyOfTheTokensLeft() throws Exception {
		Path file = this.dir.resolve("session.json");
		Files.createDirectories(file.resolve("in-the-way"));

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> TokenStore.file(file).save(SESSION));

		// logout deletes session.json only: a copy left beside it would outlive the
		// session.
		assertThat(Files.list(this.dir)).containsExactly(file);
	}

	@Test
	void saveWhenGuestSessionThenNullsKept() {
		TokenStore store = TokenStore.file(this.dir.resolve("session.json"));
		Session guest = new Session("access", null, "guest", null, null, "guest:s1", null, null);
		store.save(guest);

		assertThat(store.load()).isEqualTo(guest);
		assertThat(store.load().isGuest()).isTrue();
	}

	@Test
	void clearWhenSavedThenFileGoneAndNoSession() {
		Path file = this.dir.resolve("session.json");
		TokenStore store = TokenStore.file(file);
		store.save(SESSION);

		store.clear();

		assertThat(file).doesNotExist();
		assertThat(store.load()).isNull();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{}", "null", "[]", "\"access\"", "{\"accessToken\":null,\"refreshToken\":\"refresh\"}", "" })
	void loadWhenNoAccessTokenThenNoSession(String content) throws Exception {
		Path file = this.dir.resolve("session.json");
		Files.writeString(file, content);

		assertThat(TokenStore.file(file).load()).isNull();
	}

	@Test
	void lockedWhenAnotherProcessHoldsTheLockThenWaitsForIt() throws Exception {
		Path file = this.dir.resolve("session.json");
		Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SessionFileLockHolder.class.getName(), file.toString())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try (BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
			assertThat(output.readLine()).isEqualTo("locked");
			CompletableFuture<String> ours = CompletableFuture
				.supplyAsync(() -> new FileTokenStore(file).locked(() -> "ours"));

			// Waits while the other process holds the lock.
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !ours.isDone());
			other.getOutputStream().close();
			assertThat(ours.get(10, TimeUnit.SECONDS)).isEqualTo("ours");
		}
		finally {
			other.destroy();
		}
	}

	@Test
	void lockedWhenNestedThenRunsAndSaveWorksInside() {
		FileTokenStore store = new FileTokenStore(this.dir.resolve("session.json"));

		String result = store.locked(() -> store.locked(() -> {
			store.save(SESSION);
			return "done";
		}));

		assertThat(result).isEqualTo("done");
		assertThat(store.load()).isEqualTo(SESSION);
	}

	@Test
	void loadWhenFileCorruptThenNoSession() throws Exception {
		Path file = this.dir.resolve("session.json");
		Files.writeString(file, "{not json");

		assertThat(TokenStore.file(file).load()).isNull();
	}

}
