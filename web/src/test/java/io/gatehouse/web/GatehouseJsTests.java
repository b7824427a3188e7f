package io.gatehouse.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

	private static String read(String name) throws IOException {
		return Files.readString(TESTDATA.resolve(name));
	}

}
