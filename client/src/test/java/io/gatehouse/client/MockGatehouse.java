package io.gatehouse.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * Scripted Gatehouse answers for MockWebServer, and a client pointed at it.
 */
final class MockGatehouse {

	static final String SECRET = "gatehouse-demo-android-key-change-me";

	private MockGatehouse() {
	}

	static GatehouseClient.Builder client(MockWebServer server) {
		return GatehouseClient.builder()
			.baseUrl(server.url("/").toString())
			.platform(Platform.ANDROID)
			.appVersion("1.4.0")
			.appKey("android-demo", SECRET)
			.locale(Locale.forLanguageTag("ur-PK"));
	}

	/** An unsigned JWT-shaped token: the SDK reads only its subject. */
	static String jwt(String subject, String id) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String claims = "{\"sub\":\"" + subject + "\",\"jti\":\"" + id + "\"}";
		return base64.encodeToString("{\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
	}

	static MockResponse userToken(String accessToken, String refreshToken) {
		return json(200, "{\"accessToken\":\"" + accessToken + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
				+ "\"refreshToken\":\"" + refreshToken + "\",\"refreshExpiresIn\":2592000,\"scope\":\"user\"}");
	}

	static MockResponse guestToken(String accessToken) {
		return json(200, "{\"accessToken\":\"" + accessToken + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900,"
				+ "\"refreshToken\":null,\"refreshExpiresIn\":null,\"scope\":\"guest\"}");
	}

	static MockResponse csrf(String token) {
		return json(200, "{\"csrfToken\":\"" + token + "\",\"expiresIn\":7200}");
	}

	static MockResponse check(String subscriptionStatus) {
		String status = (subscriptionStatus != null) ? "\"" + subscriptionStatus + "\"" : "null";
		return json(200,
				"{\"exists\":true,\"hasCustomer\":true,\"customerId\":\"c-1\",\"stripeCustomerId\":\"cus_1\","
						+ "\"email\":\"testuserbmp@yopmail.com\",\"phone\":\"+923185456266\",\"subscriptionStatus\":"
						+ status + ",\"pinSet\":false}");
	}

	static MockResponse problem(int status, String code) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/problem+json")
			.setHeader("x-request-id", "req-" + code)
			.body("{\"type\":\"https://gatehouse.dev/problems/" + code + "\",\"title\":\"t\",\"status\":" + status
					+ ",\"detail\":\"detail of " + code + "\",\"instance\":\"/x\",\"code\":\"" + code
					+ "\",\"requestId\":\"req-" + code + "\"}")
			.build();
	}

	static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json")
			.setHeader("x-request-id", "req-" + status)
			.body(body)
			.build();
	}

}
