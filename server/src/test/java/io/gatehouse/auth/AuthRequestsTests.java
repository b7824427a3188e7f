package io.gatehouse.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRequestsTests {

	@Test
	void toStringWhenLoginRequestThenNoPasswordOrDeviceToken() {
		String text = new AuthController.LoginRequest("fully_active", "Gatehouse-demo-1", "dt-secret-value").toString();

		assertThat(text).contains("fully_active").doesNotContain("Gatehouse-demo-1").doesNotContain("dt-secret-value");
	}

	@Test
	void toStringWhenRefreshRequestThenNoToken() {
		assertThat(new AuthController.RefreshRequest("rt-secret-value").toString()).doesNotContain("rt-secret-value");
	}

}
