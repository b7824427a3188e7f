package io.gatehouse.request;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default trusts no proxy: a client's own {@code X-Forwarded-Proto} cannot
 * make it send HSTS (a header that would pin a plain-HTTP host to HTTPS).
 */
@IntegrationTest
class HstsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void hstsWhenUntrustedClientClaimsHttpsThenNotSent() {
		ApiResponse response = new ApiClient(this.port).post("/api/auth/guest")
			.header("X-Forwarded-Proto", "https")
			.send();

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Strict-Transport-Security")).isNull();
	}

}
