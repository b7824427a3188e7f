package io.gatehouse.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Route;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gatehouse.js, run in Chromium against the shared test vectors that the server and the
 * SDK use too (the cases live only in {@code testdata/}).
 */
class GatehouseJsTests extends BrowserTestSupport {

	private static final Path TESTDATA = Path.of("..", "testdata");

	@Test
	@SuppressWarnings("unchecked")
	void signRequestWhenVectorThenPayloadAndSignatureMatchFile() throws IOException {
		this.page.navigate(TestServer.shared().url());
		List<Map<String, Object>> results = (List<Map<String, Object>>) this.page.evaluate("""
				async (text) => {
				  const { signRequest, importAppKey } = await import('/gatehouse.js');
				  const results = [];
				  for (const v of JSON.parse(text).vectors) {
				    const signed = await signRequest({ key: await importAppKey(v.secret), kid: v.kid, ts: v.ts,
				      nonce: v.nonce, method: v.method, path: v.path, body: v.body, accessToken: v.accessToken });
				    results.push({ name: v.name, actual: signed, expected: { payloadJson: v.payloadJson,
				      payload: v.payload, signature: v.signature } });
				  }
				  return results;
				}
				""", read("app-signature-vectors.json"));

		assertThat(results).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> result : results) {
			softly.assertThat(result.get("actual")).as((String) result.get("name")).isEqualTo(result.get("expected"));
		}
		softly.assertAll();
	}

	@Test
	@SuppressWarnings("unchecked")
	void normalizeUsernameWhenVectorThenMatchesFile() throws IOException {
		this.page.navigate(TestServer.shared().url());
		List<Map<String, Object>> results = (List<Map<String, Object>>) this.page.evaluate("""
				async (text) => {
				  const { normalizeUsername } = await import('/gatehouse.js');
				  return JSON.parse(text).vectors.map((v) => ({ why: v.why,
				    actual: normalizeUsername(v.input), expected: v.normalized }));
				}
				""", read("username-vectors.json"));

		assertThat(results).isNotEmpty();
		SoftAssertions softly = new SoftAssertions();
		for (Map<String, Object> result : results) {
			softly.assertThat(result.get("actual")).as((String) result.get("why")).isEqualTo(result.get("expected"));
		}
		softly.assertAll();
	}

	@Test
	void resumeWhenRefreshAnswersUpgradeRequiredThenUpgradeErrorAndSessionKept() {
		this.page.navigate(TestServer.shared().url());
		answer("/api/auth/refresh", 426, "application/problem+json",
				"{\"status\":426,\"code\":\"upgrade-required\",\"detail\":\"Update\",\"requestId\":\"r-426\"}",
				Map.of());

		Object result = this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
				memory.set('gatehouse.refreshToken', 'refresh-1');
				try { await client.resume(); return 'resumed'; }
				catch (e) { return e.name + ' ' + e.code + ' ' + memory.get('gatehouse.refreshToken'); }
				}""");

		// Only the server's refusal of the refresh token ends the session
		// (docs/contract.md §5).
		assertThat(result).isEqualTo("GatehouseError upgrade-required refresh-1");
	}

	@Test
	void resumeWhenRefreshTokenRefusedThenSessionEndedAndTokenGone() {
		this.page.navigate(TestServer.shared().url());
		answer("/api/auth/refresh", 401, "application/problem+json",
				"{\"status\":401,\"code\":\"refresh-token-reused\",\"detail\":\"d\",\"requestId\":\"r\"}", Map.of());

		Object result = this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
				memory.set('gatehouse.refreshToken', 'refresh-1');
				try { await client.resume(); return 'resumed'; }
				catch (e) { return e.name + ' ' + memory.has('gatehouse.refreshToken'); }
				}""");

		assertThat(result).isEqualTo("SessionEndedError false");
	}

	@Test
	void callWhenRetryAfterIsHttpDateThenSecondsCountedFromServerDate() {
		this.page.navigate(TestServer.shared().url());
		// The server's clock is ten minutes behind the browser's; it asks for 30 s.
		Instant serverNow = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
		answer("/api/auth/guest", 503, "application/problem+json",
				"{\"status\":503,\"code\":\"service-unavailable\",\"detail\":\"d\",\"requestId\":\"r\"}",
				Map.of("Date", httpDate(serverNow), "Retry-After", httpDate(serverNow.plusSeconds(30))));

		Object retryAfter = this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
				try { await client.checkUsername('fully_active'); return 'answered'; }
				catch (e) { return e.retryAfter; }
				}""");

		assertThat(retryAfter).isEqualTo(30);
	}

	@Test
	void callWhenBodiesAreOddThenGatehouseErrorsNeverTypeErrors() {
		this.page.navigate(TestServer.shared().url());
		answer("/api/auth/guest", 502, "application/problem+json", "null", Map.of("x-request-id", "r-502"));
		answer("/api/auth/token", 200, "text/html", "<html>Sign in to the hotel Wi-Fi</html>",
				Map.of("x-request-id", "r-200"));

		Object results = this.page.evaluate("async () => {" + IN_PAGE_CLIENT + """
				const outcome = async (call) => {
				  try { await call(); return 'answered'; }
				  catch (e) { return [e.name, e.status, e.code, e.requestId].join(' '); }
				};
				return [await outcome(() => client.checkUsername('fully_active')),
				  await outcome(() => client.login('fully_active', 'Gatehouse-demo-1'))];
				}""");

		assertThat(results).asList()
			.containsExactly("GatehouseError 502 internal-error r-502", "GatehouseError 200 unexpected-response r-200");
	}

	private void answer(String path, int status, String contentType, String body, Map<String, String> headers) {
		// Playwright hands the pattern to JavaScript, which knows no \\Q...\\E quoting.
		this.page.route(Pattern.compile(".*" + path + "$"),
				(route) -> route.fulfill(new Route.FulfillOptions().setStatus(status)
					.setContentType(contentType)
					.setHeaders(headers)
					.setBody(body)));
	}

	private static String httpDate(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(instant);
	}

	private static String read(String name) throws IOException {
		return Files.readString(TESTDATA.resolve(name));
	}

}
