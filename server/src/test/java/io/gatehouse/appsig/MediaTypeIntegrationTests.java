package io.gatehouse.appsig;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.gatehouse.appsig.AppSignatureIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/contract.md §1's {@code Content-Type} row over real HTTP: a body of another type
 * is 415 on every {@code /api/**} endpoint, also on those that read no body, and step (5)
 * answers in the contract's order: 413, 415, 404, 405.
 */
@IntegrationTest
class MediaTypeIntegrationTests {

	private static final byte[] TEXT = "hello".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	ApiClient api;

	Session user;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.user = new Logins(this.api).sharedDemoUser("bmp_kfayy_6526");
	}

	@Test
	void guestWhenTextBodyThenUnsupportedMediaType() {
		ApiResponse response = this.api.post("/api/auth/guest").header("Content-Type", "text/plain").body(TEXT).send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void guestWhenBodyWithoutContentTypeThenUnsupportedMediaType() {
		ApiResponse response = this.api.post("/api/auth/guest").header("Content-Type", null).body(TEXT).send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json; charset=utf-8", "application/json;charset=UTF-8", "APPLICATION/JSON" })
	void tokenWhenJsonWithParametersThenAccepted(String contentType) {
		ApiResponse response = this.api.post("/api/auth/token")
			.header("Content-Type", contentType)
			.json(Map.of("username", "bmp_kfayy_6526", "password", "Gatehouse-demo-1"))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void guestWhenNoBodyAndAnyContentTypeThenAccepted() {
		ApiResponse response = this.api.post("/api/auth/guest").header("Content-Type", "text/plain").send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void createCustomerWhenTextBodyThenUnsupportedMediaType() {
		ApiResponse response = this.api.post("/api/customers")
			.bearer(this.user.accessToken())
			.csrf(this.user.csrfToken())
			.header("Content-Type", "text/plain")
			.body(TEXT)
			.send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void getWhenTextBodyThenUnsupportedMediaType() {
		ApiResponse response = this.api.get("/api/customers/check-username/bmp_kfayy_6526")
			.bearer(this.user.accessToken())
			.csrf(this.user.csrfToken())
			.header("x-username", "bmp_kfayy_6526")
			.header("Content-Type", "text/plain")
			.body(TEXT)
			.send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void requestWhenMalformedContentTypeThenUnsupportedMediaType() {
		ApiResponse response = this.api.post("/api/auth/token").header("Content-Type", "json").body(TEXT).send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void requestWhenTextBodyWithoutTokenThenBearerCheckAnswersFirst() {
		ApiResponse response = this.api.post("/api/customers").header("Content-Type", "text/plain").body(TEXT).send();
		assertProblem(response, 401, "missing-token");
	}

	@Test
	void requestWhenTextBodyOver64KiBThenPayloadTooLargeFirst() {
		ApiResponse response = this.api.post("/api/auth/token")
			.header("Content-Type", "text/plain")
			.body(new byte[70 * 1024])
			.send();
		assertProblem(response, 413, "payload-too-large");
	}

	@Test
	void unknownRouteWhenTextBodyThenUnsupportedMediaTypeBeforeNotFound() {
		ApiResponse response = this.api.post("/api/nothing-here")
			.bearer(this.user.accessToken())
			.csrf(this.user.csrfToken())
			.header("Content-Type", "text/plain")
			.body(TEXT)
			.send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void wrongMethodWhenTextBodyThenUnsupportedMediaTypeBeforeMethodNotAllowed() {
		ApiResponse response = this.api.put("/api/auth/logout")
			.bearer(this.user.accessToken())
			.csrf(this.user.csrfToken())
			.header("Content-Type", "text/plain")
			.body(TEXT)
			.send();
		assertProblem(response, 415, "unsupported-media-type");
	}

	@Test
	void unknownRouteWhenJsonBodyThenNotFound() {
		ApiResponse response = this.api.post("/api/nothing-here")
			.bearer(this.user.accessToken())
			.csrf(this.user.csrfToken())
			.json(Map.of("a", 1))
			.send();
		assertProblem(response, 404, "not-found");
	}

}
