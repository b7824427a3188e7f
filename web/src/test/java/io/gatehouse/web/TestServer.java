package io.gatehouse.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.gatehouse.GatehouseApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Gatehouse server, in this JVM, on a random port, with its own data directory.
 * It serves the page from this module's sources too, so the tests do not depend on how
 * the server's jar packages the static files.
 */
final class TestServer implements AutoCloseable {

	private static final Path STATIC = Path.of("src/main/resources/static").toAbsolutePath();

	private static TestServer shared;

	private final Path dataDir;

	private final List<String> properties;

	private ConfigurableApplicationContext context;

	private int port;

	private TestServer(List<String> properties) {
		try {
			this.dataDir = Files.createTempDirectory("gatehouse-web-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.properties = List.copyOf(properties);
	}

	/** A server of its own, with extra {@code name=value} properties. */
	static TestServer start(String... properties) {
		TestServer server = new TestServer(List.of(properties));
		server.run(0);
		return server;
	}

	/** The server most tests share; it stops with the JVM. */
	static synchronized TestServer shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	/** The page's address; {@code localhost} is a secure context, so WebCrypto works. */
	String url() {
		return "http://localhost:" + this.port + "/";
	}

	int port() {
		return this.port;
	}

	void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	/** Starts again on the same port and data directory, after {@link #stop()}. */
	void restart() {
		run(this.port);
	}

	@Override
	public void close() {
		stop();
	}

	private void run(int port) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + port);
		args.add("--gatehouse.data-dir=" + this.dataDir);
		args.add("--spring.web.resources.static-locations=file:" + STATIC + "/,classpath:/static/");
		args.add("--spring.main.banner-mode=off");
		this.properties.forEach((property) -> args.add("--" + property));
		this.context = new SpringApplicationBuilder(GatehouseApplication.class).run(args.toArray(String[]::new));
		this.port = this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
