package io.gatehouse.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignerTests {

	@TestFactory
	Stream<DynamicTest> signWhenSharedVectorThenSamePayloadAndSignature() {
		return Vectors.read("app-signature-vectors.json")
			.stream()
			.map((vector) -> DynamicTest.dynamicTest(Vectors.text(vector, "name"),
					() -> assertSignsLikeVector(vector)));
	}

	@Test
	void signWhenCalledTwiceThenFreshNonceOfSixteenBytes() {
		RequestSigner signer = new RequestSigner("web-demo", "secret", new ClockOffset(Clock.systemUTC()));
		String first = nonceOf(signer.sign("GET", "/api/x", new byte[0], null));
		String second = nonceOf(signer.sign("GET", "/api/x", new byte[0], null));
		assertThat(first).isNotEqualTo(second);
		assertThat(java.util.Base64.getUrlDecoder().decode(first)).hasSizeGreaterThanOrEqualTo(16);
	}

	private static void assertSignsLikeVector(JsonNode vector) {
		RequestSigner signer = new RequestSigner(Vectors.text(vector, "kid"), Vectors.text(vector, "secret"),
				new ClockOffset(Clock.systemUTC()));
		byte[] body = Vectors.text(vector, "body").getBytes(StandardCharsets.UTF_8);
		String accessToken = Vectors.text(vector, "accessToken");
		String ath = (accessToken != null) ? RequestSigner.sha256(accessToken.getBytes(StandardCharsets.US_ASCII))
				: null;
		assertThat(RequestSigner.sha256(body)).isEqualTo(Vectors.text(vector, "bodySha256"));
		assertThat(ath).isEqualTo(Vectors.text(vector, "ath"));
		assertThat(RequestSigner.payloadJson(Vectors.text(vector, "kid"), vector.get("ts").asLong(),
				Vectors.text(vector, "nonce"), Vectors.text(vector, "method"), Vectors.text(vector, "path"),
				RequestSigner.sha256(body), ath))
			.isEqualTo(Vectors.text(vector, "payloadJson"));
		RequestSigner.Signature signature = signer.sign(vector.get("ts").asLong(), Vectors.text(vector, "nonce"),
				Vectors.text(vector, "method"), Vectors.text(vector, "path"), body, accessToken);
		assertThat(signature.payload()).isEqualTo(Vectors.text(vector, "payload"));
		assertThat(signature.signature()).isEqualTo(Vectors.text(vector, "signature"));
	}

	private static String nonceOf(RequestSigner.Signature signature) {
		return WireAssertions.payload(signature.payload()).get("nonce").asText();
	}

}
