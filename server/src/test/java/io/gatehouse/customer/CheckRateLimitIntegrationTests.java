package io.gatehouse.customer;

import io.gatehouse.ratelimit.RateLimiter;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.gatehouse.support.Logins;
import io.gatehouse.support.Logins.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enumeration defence of the username check with small limits: per guest session, per
 * user session, per client address; every 429 carries Retry-After.
 */
@IntegrationTest
@TestPropertySource(properties = { "gatehouse.rate-limits.checks-per-guest-session.capacity=3",
		"gatehouse.rate-limits.checks-per-user-session.capacity=5",
		"gatehouse.rate-limits.checks-per-address.capacity=8" })
class CheckRateLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RateLimiter rateLimiter;

	ApiClient api;

	Logins logins;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.logins = new Logins(this.api);
		this.rateLimiter.reset("check-address:127.0.0.1");
	}

	@Test
	void checkWhenGuestSessionSpentThenRateLimitedWithRetryAfter() {
		Session guest = this.logins.guest();
		for (int i = 0; i < 3; i++) {
			assertThat(check(guest, "bmp_kfayy_6526").status()).isEqualTo(200);
		}

		ApiResponse refused = check(guest, "bmp_kfayy_6526");

		assertRateLimited(refused);
	}

	@Test
	void checkWhenUserSessionThenLargerBudget() {
		Session user = this.logins.demoUser("bmp_kfayy_6526");
		for (int i = 0; i < 5; i++) {
			assertThat(check(user, "bmp_kfayy_6526").status()).isEqualTo(200);
		}

		assertRateLimited(check(user, "bmp_kfayy_6526"));
	}

	@Test
	void checkWhenRefusedThenRateLimitBeforeUsernameValidation() {
		Session guest = this.logins.guest();
		for (int i = 0; i < 3; i++) {
			check(guest, "bmp_kfayy_6526");
		}

		assertRateLimited(check(guest, "x"));
	}

	@Test
	void checkWhenInvalidUsernamesThenTheyCountToo() {
		Session guest = this.logins.guest();
		for (int i = 0; i < 3; i++) {
			assertThat(check(guest, "x").code()).isEqualTo("invalid-username");
		}

		assertRateLimited(check(guest, "bmp_kfayy_6526"));
	}

	@Test
	void checkWhenNewSessionsFromOneAddressThenAddressCapHolds() {
		int allowed = 0;
		ApiResponse last = null;
		for (int session = 0; session < 4 && last == null; session++) {
			Session guest = this.logins.guest();
			for (int i = 0; i < 3; i++) {
				ApiResponse response = check(guest, "nobody_here_" + i);
				if (response.status() != 200) {
					last = response;
					break;
				}
				allowed++;
			}
		}

		assertThat(allowed).isEqualTo(8);
		assertRateLimited(last);
	}

	void assertRateLimited(ApiResponse response) {
		assertThat(response.status()).isEqualTo(429);
		assertThat(response.code()).isEqualTo("rate-limited");
		assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(1L, 60L);
	}

	ApiResponse check(Session session, String username) {
		return this.api.get("/api/customers/check-username/" + username)
			.bearer(session.accessToken())
			.csrf(session.csrfToken())
			.header("x-username", username)
			.send();
	}

}
