package io.gatehouse.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.GatehouseApplication;
import io.gatehouse.support.ApiClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Gatehouse instance of profile {@code cluster}, started in this JVM on a random port
 * against a test's own PostgreSQL schema and Redis key prefix, as a second machine would
 * run it.
 */
final class TestInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private final Clock clock;

	private TestInstance(ConfigurableApplicationContext context, Clock clock) {
		this.context = context;
		this.clock = clock;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Starts an instance; {@code overrides} ({@code --name=value}, for example another
	 * Redis port) replace the defaults of the same name.
	 */
	static TestInstance start(SharedSecrets secrets, TestPostgres postgres, String redisKeyPrefix,
			String... overrides) {
		return start(null, secrets, postgres, redisKeyPrefix, overrides);
	}

	/**
	 * Starts an instance whose clock is {@code clock} (when not null): instances given
	 * the same clock see time move together, as servers in sync do.
	 */
	static TestInstance start(Clock clock, SharedSecrets secrets, TestPostgres postgres, String redisKeyPrefix,
			String... overrides) {
		List<String> given = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
				"--spring.application.admin.enabled=false", "--gatehouse.data-dir=target/cluster-test-data",
				"--gatehouse.redis.key-prefix=" + redisKeyPrefix,
				"--gatehouse.tokens.signing-keys=" + secrets.signingKeys(),
				"--gatehouse.tokens.generate-missing-keys=false", "--gatehouse.csrf.secret=" + secrets.csrfSecret(),
				// The tests log in as the demo users, which profile cluster seeds only
				// when
				// asked (docs/contract.md §6).
				"--gatehouse.demo-data=true"));
		given.addAll(postgres.springArgs());
		given.addAll(List.of(overrides));
		// A name given twice on the command line would bind as "first,second": keep the
		// last.
		Map<String, String> args = new LinkedHashMap<>();
		given.forEach((arg) -> args.put(arg.substring(0, arg.indexOf('=')), arg));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(GatehouseApplication.class).profiles("cluster");
		if (clock != null) {
			builder.initializers((context) -> context.getBeanFactory().registerSingleton("clock", clock));
		}
		return new TestInstance(builder.run(args.values().toArray(String[]::new)),
				(clock != null) ? clock : Clock.systemUTC());
	}

	int port() {
		return this.port;
	}

	/** A client signing at this instance's time. */
	ApiClient api() {
		return new ApiClient(this.port, this.clock);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * What every instance of one deployment shares: the signing keys and the CSRF secret.
	 */
	record SharedSecrets(Path signingKeys, String csrfSecret) {

		/** A new RSA JWK set in a temporary file and a random CSRF secret. */
		static SharedSecrets generate() {
			try {
				JWKSet keys = new JWKSet(new RSAKeyGenerator(2048).keyID("cluster-test-1")
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate());
				Path file = Files.createTempFile("gatehouse-cluster-keys", ".jwks");
				file.toFile().deleteOnExit();
				Files.writeString(file, keys.toString(false));
				byte[] secret = new byte[32];
				new SecureRandom().nextBytes(secret);
				return new SharedSecrets(file, Base64.getEncoder().encodeToString(secret));
			}
			catch (IOException | JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
