package io.gatehouse.appsig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SignatureVerifierTests {

	static final List<AppSignatureProperties.App> DEMO_APPS = List.of(
			new AppSignatureProperties.App("web-demo", Platform.WEB, "gatehouse-demo-web-key-change-me"),
			new AppSignatureProperties.App("android-demo", Platform.ANDROID, "gatehouse-demo-android-key-change-me"),
			new AppSignatureProperties.App("ios-demo", Platform.IOS, "gatehouse-demo-ios-key-change-me"),
			new AppSignatureProperties.App("web-next", Platform.WEB, "a-rotated-web-key-of-32-bytes-or-more"));

	private final SignatureVerifier verifier = new SignatureVerifier(DEMO_APPS);

	static List<SignatureVectors> vectors() {
		return SignatureVectors.all();
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void verifyWhenVectorThenPayload(SignatureVectors vector) {
		SignedPayload payload = this.verifier.verify(platform(vector), vector.payload(), vector.signature());
		assertThat(payload.kid()).isEqualTo(vector.kid());
		this.verifier.checkBinding(payload, vector.method(), vector.path(), vector.bodySha256(), vector.ath());
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void verifyWhenAnyPayloadCharacterFlippedThenInvalid(SignatureVectors vector) {
		for (int i = 0; i < vector.payload().length(); i++) {
			String flipped = flip(vector.payload(), i);
			assertInvalid(() -> this.verifier.verify(platform(vector), flipped, vector.signature()));
		}
	}

	@ParameterizedTest
	@MethodSource("vectors")
	void verifyWhenAnySignatureCharacterFlippedThenInvalid(SignatureVectors vector) {
		for (int i = 0; i < vector.signature().length(); i++) {
			String flipped = flip(vector.signature(), i);
			assertInvalid(() -> this.verifier.verify(platform(vector), vector.payload(), flipped));
		}
	}

	@Test
	void verifyWhenManyThreadsAtOnceThenEachAnswerRight() throws Exception {
		// Each thread reuses its own Mac per key: genuine and flipped signatures checked
		// from
		// many threads at once must get the same answers as one at a time.
		List<SignatureVectors> vectors = SignatureVectors.all();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> answers = new ArrayList<>();
			for (int i = 0; i < 2_000; i++) {
				SignatureVectors vector = vectors.get(i % vectors.size());
				String signature = (i % 2 == 0) ? vector.signature() : flip(vector.signature(), i % 20);
				answers.add(threads.submit(() -> {
					try {
						this.verifier.verify(platform(vector), vector.payload(), signature);
						return true;
					}
					catch (ApiException ex) {
						return false;
					}
				}));
			}
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).as("check %d", i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void verifyWhenRotatedKeyOfSamePlatformThenPayload() {
		String payload = Base64Url.encode(("{\"kid\":\"web-next\",\"ts\":1,\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\","
				+ "\"method\":\"GET\",\"path\":\"/api/x\",\"bodySha256\":\"b\"}")
			.getBytes());
		String signature = sign("a-rotated-web-key-of-32-bytes-or-more", payload);
		assertThat(this.verifier.verify(Platform.WEB, payload, signature).kid()).isEqualTo("web-next");
	}

	@Nested
	class Refused {

		@ParameterizedTest
		@MethodSource("io.gatehouse.appsig.SignatureVerifierTests#vectors")
		void verifyWhenKidOfAnotherPlatformThenInvalid(SignatureVectors vector) {
			Platform other = (platform(vector) == Platform.WEB) ? Platform.IOS : Platform.WEB;
			assertInvalid(
					() -> SignatureVerifierTests.this.verifier.verify(other, vector.payload(), vector.signature()));
		}

		@Test
		void verifyWhenUnknownKidThenInvalid() {
			String payload = Base64Url.encode(("{\"kid\":\"web-old\",\"ts\":1,\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\","
					+ "\"method\":\"GET\",\"path\":\"/api/x\",\"bodySha256\":\"b\"}")
				.getBytes());
			assertInvalid(() -> SignatureVerifierTests.this.verifier.verify(Platform.WEB, payload,
					sign("gatehouse-demo-web-key-change-me", payload)));
		}

		@Test
		void verifyWhenSignaturePaddedThenInvalid() {
			SignatureVectors vector = vectors().get(0);
			assertInvalid(() -> SignatureVerifierTests.this.verifier.verify(Platform.WEB, vector.payload(),
					vector.signature() + "="));
		}

		@Test
		void checkBindingWhenAnyPartDiffersThenInvalid() {
			SignatureVectors v = vectors().get(0);
			SignedPayload p = SignatureVerifierTests.this.verifier.verify(Platform.WEB, v.payload(), v.signature());
			SignatureVerifier verifier = SignatureVerifierTests.this.verifier;
			assertInvalid(() -> verifier.checkBinding(p, "POST", v.path(), v.bodySha256(), v.ath()));
			assertInvalid(() -> verifier.checkBinding(p, v.method(), v.path() + "/", v.bodySha256(), v.ath()));
			assertInvalid(() -> verifier.checkBinding(p, v.method(), v.path() + "?", v.bodySha256(), v.ath()));
			assertInvalid(() -> verifier.checkBinding(p, v.method(), v.path(), BodyReader.EMPTY_SHA256 + "A", v.ath()));
			assertInvalid(() -> verifier.checkBinding(p, v.method(), v.path(), v.bodySha256(), null));
			assertInvalid(() -> verifier.checkBinding(p, v.method(), v.path(), v.bodySha256(), v.bodySha256()));
		}

		@Test
		void checkBindingWhenAthWithoutAuthorizationThenInvalid() {
			SignatureVectors v = vectors().get(1);
			SignedPayload p = SignatureVerifierTests.this.verifier.verify(Platform.ANDROID, v.payload(), v.signature());
			assertInvalid(() -> SignatureVerifierTests.this.verifier.checkBinding(p, v.method(), v.path(),
					v.bodySha256(), "eoQK1P16LyEmanPA5iWsyfHCi6FaprDBOXqZQDRkreE"));
		}

	}

	static Platform platform(SignatureVectors vector) {
		return Platform.fromHeader(vector.platform());
	}

	static String flip(String value, int index) {
		char c = value.charAt(index);
		char replacement = (c == 'A') ? 'B' : 'A';
		return value.substring(0, index) + replacement + value.substring(index + 1);
	}

	static String sign(String secret, String payload) {
		return io.gatehouse.support.ApiClient.sign(secret, payload);
	}

	static void assertInvalid(Runnable call) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
	}

}
