package io.gatehouse.appsig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignedPayloadParserTests {

	private final SignedPayloadParser parser = new SignedPayloadParser();

	static Iterable<SignatureVectors> vectors() {
		return SignatureVectors.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void parseWhenVectorThenEveryField(SignatureVectors vector) {
		SignedPayload payload = this.parser.parse(vector.payload());
		assertThat(payload).isEqualTo(new SignedPayload(vector.kid(), vector.ts(), vector.nonce(), vector.method(),
				vector.path(), vector.bodySha256(), vector.ath()));
	}

	@Test
	void parseWhenFieldsReorderedAndUnknownFieldThenAccepted() {
		SignedPayload payload = this.parser.parse(encode("{\"extra\":{\"a\":[1,2]},\"path\":\"/api/x\",\"ts\":5,"
				+ "\"bodySha256\":\"b\",\"method\":\"GET\",\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\",\"kid\":\"k\"}"));
		assertThat(payload).isEqualTo(new SignedPayload("k", 5, "AAECAwQFBgcICQoLDA0ODw", "GET", "/api/x", "b", null));
	}

	@Nested
	class Malformed {

		@ParameterizedTest
		@ValueSource(strings = { "eyJ9=", "eyJ+", "eyJ/", "a", "ey J9", "%7B%7D", "e" })
		void parseWhenNotBase64UrlThenInvalid(String header) {
			assertInvalid(header);
		}

		@Test
		void parseWhenPaddedThenInvalid() {
			String padded = Base64.getUrlEncoder()
				.encodeToString(
						(json("\"k\"", "1", "\"AAECAwQFBgcICQoLDA0ODw\"") + " ").getBytes(StandardCharsets.UTF_8));
			assertThat(padded).endsWith("=");
			assertInvalid(padded);
		}

		@Test
		void parseWhenTooLongThenInvalid() {
			assertInvalid("A".repeat(SignedPayloadParser.MAX_PAYLOAD_LENGTH + 1));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "not json", "[]", "\"text\"", "42", "null", "{", "{\"kid\":\"k\"", "{}{}",
				"{} trailing" })
		void parseWhenNotAJsonObjectThenInvalid(String json) {
			assertInvalid(encode(json));
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"1764000000000\"", "1.5", "1e12", "true", "null", "99999999999999999999", "[1]" })
		void parseWhenTsNotAnIntegerThenInvalid(String ts) {
			assertInvalid(encode(json("\"k\"", ts, "\"AAECAwQFBgcICQoLDA0ODw\"")));
		}

		@ParameterizedTest
		@ValueSource(strings = { "1", "null", "{}", "[\"k\"]", "false" })
		void parseWhenKidNotAStringThenInvalid(String kid) {
			assertInvalid(encode(json(kid, "1", "\"AAECAwQFBgcICQoLDA0ODw\"")));
		}

		@ParameterizedTest
		@ValueSource(strings = { "\"AAECAwQFBgcICQoLDA0O\"", "\"AAECAwQFBgcICQoLDA0ODw==\"",
				"\"AAECAwQFBgcICQoLDA0ODw+/\"", "\"\"", "16", "null" })
		void parseWhenNonceShortOrNotBase64UrlThenInvalid(String nonce) {
			assertInvalid(encode(json("\"k\"", "1", nonce)));
		}

		@Test
		void parseWhenNonceTooLongThenInvalid() {
			assertInvalid(
					encode(json("\"k\"", "1", "\"" + "A".repeat(SignedPayloadParser.MAX_NONCE_LENGTH + 4) + "\"")));
		}

		@ParameterizedTest
		@ValueSource(strings = { "kid", "ts", "nonce", "method", "path", "bodySha256" })
		void parseWhenFieldMissingThenInvalid(String field) {
			String full = "{\"kid\":\"k\",\"ts\":1,\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\",\"method\":\"GET\","
					+ "\"path\":\"/api/x\",\"bodySha256\":\"b\"}";
			String without = full.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\d+),?", "").replace(",}", "}");
			assertInvalid(encode(without));
		}

		@Test
		void parseWhenFieldRepeatedThenInvalid() {
			String json = "{\"kid\":\"k\",\"kid\":\"other\",\"ts\":1,\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\","
					+ "\"method\":\"GET\",\"path\":\"/api/x\",\"bodySha256\":\"b\"}";
			assertInvalid(encode(json));
		}

		@Test
		void parseWhenAthNotAStringThenInvalid() {
			String json = "{\"kid\":\"k\",\"ts\":1,\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\",\"method\":\"GET\","
					+ "\"path\":\"/api/x\",\"bodySha256\":\"b\",\"ath\":7}";
			assertInvalid(encode(json));
		}

		@Test
		void parseWhenNotUtf8ThenInvalid() {
			assertInvalid(Base64Url.encode(new byte[] { '{', '"', (byte) 0xC3, '"', ':', '1', '}' }));
		}

		private void assertInvalid(String header) {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> SignedPayloadParserTests.this.parser.parse(header))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
		}

	}

	private static String json(String kid, String ts, String nonce) {
		return "{\"kid\":" + kid + ",\"ts\":" + ts + ",\"nonce\":" + nonce
				+ ",\"method\":\"GET\",\"path\":\"/api/x\",\"bodySha256\":\"b\"}";
	}

	private static String encode(String json) {
		return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
	}

}
