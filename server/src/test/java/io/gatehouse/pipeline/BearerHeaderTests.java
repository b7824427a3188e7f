package io.gatehouse.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

class BearerHeaderTests {

	private static final String JWT = "eyJraWQiOiJrMSIsInR5cCI6ImF0K2p3dCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJibXAifQ."
			+ "c2lnbmF0dXJlLXBhcnQtd2l0aC1-_.";

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	private final BearerHeader ours = new BearerHeader();

	@Test
	void resolveWhenKnownHeadersThenSameAnswerAsSpringSecurity() {
		List<String> headers = List.of("Bearer " + JWT, "bearer " + JWT, "BEARER abc", "BeArEr abc==", "Bearer abc=",
				"Bearer a=b", "Bearer ==", "Bearer =", "Bearer", "Bearer ", "Bearer  abc", "Bearer\tabc", "Bearer abc ",
				" Bearer abc", "Bearerabc", "Bearer abc\n", "Bearer ab c", "Bearer a,b", "Basic dXNlcjpwdw==", "",
				"bear", "Bearer\u00a0abc", "Bearer abc\u00e9", "Bearer \u0000", "BEARER\u017f", "Bearer ~+/-._",
				"bearer x", "Bearer " + "a".repeat(5000) + "===");
		for (String header : headers) {
			assertSame(header);
		}
		assertSame(null);
	}

	@Test
	void resolveWhenGeneratedHeadersThenSameAnswerAsSpringSecurity() {
		SplittableRandom random = new SplittableRandom(13);
		String alphabet = "aZ09-._~+/= \t,;:\"\u00e9\u017f\u212a\n";
		List<String> prefixes = List.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "",
				"Bearer\u017f ");
		for (int i = 0; i < 50_000; i++) {
			StringBuilder header = new StringBuilder(prefixes.get(random.nextInt(prefixes.size())));
			int length = random.nextInt(8);
			for (int j = 0; j < length; j++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertSame(header.toString());
		}
	}

	private void assertSame(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		assertThat(answer(() -> this.ours.resolve(request))).as("[%s]", header)
			.isEqualTo(answer(() -> this.spring.resolve(request)));
	}

	private static List<String> answer(Resolver resolver) {
		List<String> answer = new ArrayList<>();
		try {
			answer.add("token");
			answer.add(resolver.resolve());
		}
		catch (OAuth2AuthenticationException ex) {
			answer.clear();
			answer.add(ex.getError().getErrorCode());
			answer.add(ex.getError().getDescription());
		}
		return answer;
	}

	private interface Resolver {

		String resolve();

	}

}
