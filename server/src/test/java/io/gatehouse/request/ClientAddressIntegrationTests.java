package io.gatehouse.request;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client address over real HTTP, seen through the guest-token limit (2 per address
 * here): whose budget a request spends shows which address it was counted as.
 */
class ClientAddressIntegrationTests {

	static ApiResponse guest(ApiClient api, String forwardedFor) {
		return api.post("/api/auth/guest").header("X-Forwarded-For", forwardedFor).send();
	}

	/** 127.0.0.1 trusted as a proxy by a CIDR range. */
	@Nested
	@IntegrationTest
	@TestPropertySource(properties = { "gatehouse.trusted-proxies=127.0.0.1/32",
			"gatehouse.rate-limits.guest-tokens-per-address.capacity=2" })
	class BehindATrustedProxy {

		@LocalServerPort
		int port;

		ApiClient api;

		@BeforeEach
		void client() {
			this.api = new ApiClient(this.port);
		}

		@Test
		void guestWhenForwardedForDiffersThenEachAddressHasItsOwnBudget() {
			for (int i = 0; i < 2; i++) {
				assertThat(guest(this.api, "192.0.2.10").status()).isEqualTo(200);
			}
			assertThat(guest(this.api, "192.0.2.10").status()).isEqualTo(429);
			assertThat(guest(this.api, "192.0.2.11").status()).isEqualTo(200);
		}

		@Test
		void guestWhenIpv6AddressesShareASlash64ThenTheyShareOneBudget() {
			assertThat(guest(this.api, "2001:db8:aa:1::1").status()).isEqualTo(200);
			assertThat(guest(this.api, "2001:db8:aa:1:ffff::2").status()).isEqualTo(200);
			assertThat(guest(this.api, "2001:db8:aa:1:1234:5678:9abc:def0").status()).isEqualTo(429);
			assertThat(guest(this.api, "2001:db8:aa:2::1").status()).isEqualTo(200);
		}

	}

	/**
	 * On a detected cloud platform Spring Boot would switch Tomcat's RemoteIpValve on,
	 * which believes X-Forwarded-For from any internal address (127.0.0.1 among them).
	 * With {@code forward-headers-strategy: none} and no trusted proxy, every request
	 * counts as the socket's peer whatever it claims.
	 */
	@Nested
	@IntegrationTest
	@TestPropertySource(properties = { "spring.main.cloud-platform=kubernetes", "gatehouse.trusted-proxies=",
			"gatehouse.rate-limits.guest-tokens-per-address.capacity=2" })
	class OnACloudPlatformWithoutTrustedProxies {

		@LocalServerPort
		int port;

		@Test
		void guestWhenClientSendsForwardedForThenIgnoredAndItsOwnAddressCounts() {
			ApiClient api = new ApiClient(this.port);
			assertThat(guest(api, "198.51.100.1").status()).isEqualTo(200);
			assertThat(guest(api, "198.51.100.2").status()).isEqualTo(200);
			ApiResponse third = guest(api, "198.51.100.3");
			assertThat(third.status()).isEqualTo(429);
			assertThat(third.code()).isEqualTo("rate-limited");
		}

	}

}
