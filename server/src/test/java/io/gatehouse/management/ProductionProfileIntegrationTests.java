package io.gatehouse.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.GatehouseApplication;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile {@code prod} over real HTTP: metrics, Prometheus and info only on the
 * management port, health on both ports, no OpenAPI or Swagger UI unless switched on, and
 * HSTS exactly when the request came over TLS (here: through a trusted proxy's
 * {@code X-Forwarded-Proto}).
 */
class ProductionProfileIntegrationTests {

	static final String PROD_KID = "web-prod-test";

	static final String PROD_SECRET = "a-production-web-key-from-the-vault-0123456789";

	static final String HSTS = "Strict-Transport-Security";

	@TempDir
	static Path dataDir;

	static ConfigurableApplicationContext context;

	static ApiClient app;

	static ApiClient management;

	@BeforeAll
	static void start() throws Exception {
		context = startProd(List.of());
		app = new ApiClient(port(context, "local.server.port"));
		management = new ApiClient(port(context, "local.management.port"));
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void managementPortWhenProdThenDifferentFromTheAppPort() {
		assertThat(management.baseUrl()).isNotEqualTo(app.baseUrl());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator" })
	void appPortWhenMonitoringEndpointAskedThenNotFoundProblem(String path) {
		ApiResponse response = app.get(path).unsigned().send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("jvm_", "gatehouse_");
	}

	@Test
	void managementPortWhenPrometheusAskedThenServed() {
		ApiResponse response = management.get("/actuator/prometheus").unsigned().send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void managementPortWhenInfoAskedThenServed() {
		assertThat(management.get("/actuator/info").unsigned().send().status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/livez",
			"/readyz" })
	void appPortWhenHealthProbedThenUpWithoutDetails(String path) {
		ApiResponse response = app.get(path).unsigned().send();

		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
		assertThat(response.json().has("components")).isFalse();
		assertThat(response.json().has("details")).isFalse();
	}

	@Test
	void appPortWhenHealthAskedThenSameAnswerAsManagementPort() {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			assertThat(app.get(path).unsigned().send().json()).as(path)
				.isEqualTo(management.get(path).unsigned().send().json());
		}
	}

	@Test
	void appPortWhenOtherHealthPathAskedThenNotFoundProblem() {
		ApiResponse response = app.get("/actuator/health/db").unsigned().send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("not-found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html" })
	void openApiWhenProdThenNotServed(String path) {
		assertThat(app.get(path).unsigned().send().status()).isEqualTo(404);
		assertThat(management.get(path).unsigned().send().status()).isEqualTo(404);
	}

	@Test
	void apiWhenSignedWithProductionKeyThenServed() {
		ApiResponse guest = app.post("/api/auth/guest").appKey(PROD_KID, PROD_SECRET).send();

		assertThat(guest.status()).as(guest.body()).isEqualTo(200);
	}

	@Test
	void hstsWhenPlainHttpThenNotSent() {
		ApiResponse guest = app.post("/api/auth/guest").appKey(PROD_KID, PROD_SECRET).send();

		assertThat(guest.header(HSTS)).isNull();
	}

	@Test
	void hstsWhenTrustedProxyForwardedHttpsThenSent() {
		ApiResponse guest = app.post("/api/auth/guest")
			.appKey(PROD_KID, PROD_SECRET)
			.header("X-Forwarded-Proto", "https")
			.send();
		ApiResponse page = app.get("/").unsigned().header("X-Forwarded-Proto", "https").send();
		ApiResponse refused = app.post("/api/auth/guest").unsigned().header("X-Forwarded-Proto", "https").send();

		assertThat(guest.header(HSTS)).isEqualTo("max-age=31536000 ; includeSubDomains");
		assertThat(page.header(HSTS)).isEqualTo("max-age=31536000 ; includeSubDomains");
		assertThat(refused.code()).isEqualTo("signature-missing");
		assertThat(refused.header(HSTS)).isEqualTo("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void openApiWhenSwitchedOnInProdThenServed() throws Exception {
		try (ConfigurableApplicationContext docs = startProd(
				List.of("--springdoc.api-docs.enabled=true", "--springdoc.swagger-ui.enabled=true"))) {
			ApiClient api = new ApiClient(port(docs, "local.server.port"));

			assertThat(api.get("/v3/api-docs").unsigned().send().status()).isEqualTo(200);
			assertThat(api.get("/swagger-ui/index.html").unsigned().send().status()).isEqualTo(200);
		}
	}

	/**
	 * Everything prod asks for, on an in-memory H2 database of its own; 127.0.0.1 is the
	 * trusted proxy, as for the documented nginx.
	 */
	static ConfigurableApplicationContext startProd(List<String> extra) throws IOException, JOSEException {
		Path keys = dataDir.resolve("signing-keys-" + UUID.randomUUID() + ".jwks");
		Files.writeString(keys,
				new JWKSet(new RSAKeyGenerator(2048).keyID("prod-test-1")
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate()).toString(false));
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.jmx.enabled=false", "--spring.application.admin.enabled=false",
				"--gatehouse.data-dir=" + dataDir,
				"--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--gatehouse.tokens.signing-keys=" + keys, "--gatehouse.tokens.generate-missing-keys=false",
				"--gatehouse.app-signature.apps[0].kid=" + PROD_KID, "--gatehouse.app-signature.apps[0].platform=web",
				"--gatehouse.app-signature.apps[0].secret=" + PROD_SECRET, "--gatehouse.trusted-proxies=127.0.0.1"));
		args.addAll(extra);
		return new SpringApplicationBuilder(GatehouseApplication.class).profiles("prod")
			.run(args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context, String property) {
		return context.getEnvironment().getRequiredProperty(property, Integer.class);
	}

}
