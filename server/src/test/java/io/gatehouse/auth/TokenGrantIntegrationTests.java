package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.gatehouse.account.DemoData;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TokenGrantIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void guestWhenApiPathPercentEncodedThenTokensStillNoStore() {
		ApiResponse response = this.api.post("/%61pi/auth/guest").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("accessToken")).isNotBlank();
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void guestWhenCalledThenAccessTokenWithoutRefreshToken() {
		ApiResponse response = this.api.post("/api/auth/guest").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("no-store");
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactly("accessToken", "tokenType", "expiresIn", "refreshToken",
				"refreshExpiresIn", "scope", "deviceToken");
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
		assertThat(body.get("refreshToken").isNull()).isTrue();
		assertThat(body.get("refreshExpiresIn").isNull()).isTrue();
		assertThat(body.get("scope").asString()).isEqualTo("guest");
		assertThat(body.get("deviceToken").isNull()).isTrue();
	}

	@Test
	void tokenWhenDemoPasswordThenUserTokens() {
		ApiResponse response = this.api.post("/api/auth/token")
			.json(Map.of("username", "BMP_kfayy_6526", "password", DemoData.PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("scope")).isEqualTo("user");
		assertThat(response.field("refreshToken")).hasSizeGreaterThanOrEqualTo(43);
		assertThat(response.json().get("refreshExpiresIn").asLong()).isEqualTo(30L * 24 * 3600);
		assertThat(response.field("deviceToken")).isNotBlank();
	}

	@Test
	void tokenWhenSupportAgentThenCustomersReadScope() {
		ApiResponse response = this.api.post("/api/auth/token")
			.json(Map.of("username", "support_agent", "password", DemoData.PASSWORD))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.field("scope")).isEqualTo("user customers:read");
	}

	@Test
	void refreshWhenRevokedAccessTokenAttachedThenRotatedAnyway() {
		JsonNode login = this.api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
			.send()
			.json();

		ApiResponse response = this.api.post("/api/auth/refresh")
			.bearer("not-a-valid.access.token")
			.json(Map.of("refreshToken", login.get("refreshToken").asString()))
			.send();

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.field("refreshToken")).isNotEqualTo(login.get("refreshToken").asString());
	}

	@Test
	void refreshWhenValidAccessTokenAttachedWithoutCsrfThenRotated() {
		JsonNode login = this.api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
			.send()
			.json();

		ApiResponse response = this.api.post("/api/auth/refresh")
			.bearer(login.get("accessToken").asString())
			.json(Map.of("refreshToken", login.get("refreshToken").asString()))
			.send();

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void guestWhenInvalidAccessTokenAttachedThenGuestTokens() {
		ApiResponse response = this.api.post("/api/auth/guest").bearer("not-a-valid.access.token").send();

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.field("scope")).isEqualTo("guest");
	}

	@Test
	void guestWhenAuthorizationNotSignedThenSignatureStillBindsIt() {
		ApiResponse response = this.api.post("/api/auth/guest")
			.bearer("not-a-valid.access.token")
			.editPayload((payload) -> payload.remove("ath"))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("signature-invalid");
	}

	@Test
	void csrfTokenWhenInvalidAccessTokenThenStillInvalidToken() {
		ApiResponse response = this.api.get("/api/auth/csrf-token").bearer("not-a-valid.access.token").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("invalid-token");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
	}

	@Test
	void grantsWhenIssuedThenCountedByGrant() {
		double guests = issued("guest");
		double passwords = issued("password");
		double refreshes = issued("refresh");

		this.api.post("/api/auth/guest").send();
		String refreshToken = this.api.post("/api/auth/token")
			.json(Map.of("username", "bmp_kfayy_6526", "password", DemoData.PASSWORD))
			.send()
			.field("refreshToken");
		this.api.post("/api/auth/refresh").json(Map.of("refreshToken", refreshToken)).send();

		assertThat(issued("guest")).isEqualTo(guests + 1);
		assertThat(issued("password")).isEqualTo(passwords + 1);
		assertThat(issued("refresh")).isEqualTo(refreshes + 1);
	}

	@Test
	void jwksWhenFetchedThenPublicKeysOnly() {
		ApiResponse response = this.api.get("/.well-known/jwks.json").unsigned().send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode key = response.json().get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.get("kid").asString()).isNotBlank();
		assertThat(key.propertyNames()).doesNotContain("d", "p", "q", "dp", "dq", "qi", "oth");
	}

	@Test
	void jwksWhenFetchedThenJsonCacheableForFiveMinutes() {
		ApiResponse response = this.api.get("/.well-known/jwks.json").unsigned().send();

		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		assertThat(response.header("Cache-Control")).isEqualTo("max-age=300, public");
		assertThat(response.header("Content-Length"))
			.isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
	}

	@Test
	void jwksWhenJsonNotAcceptedThenNotAcceptable() {
		ApiResponse response = this.api.get("/.well-known/jwks.json").unsigned().header("Accept", "text/html").send();

		assertThat(response.status()).isEqualTo(406);
		assertThat(response.code()).isEqualTo("not-acceptable");
	}

	double issued(String grant) {
		Counter counter = this.meters.find(TokenGrants.METRIC).tag("grant", grant).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
