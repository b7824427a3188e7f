package io.gatehouse.csrf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.gatehouse.errors.ProblemWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTokenFilterTests {

	final CsrfTokens tokens = new CsrfTokens(new byte[32], Duration.ofHours(2), Clock.systemUTC());

	final CsrfTokenFilter filter = new CsrfTokenFilter(this.tokens,
			new ProblemWriter(new StaticMessageSource(), JsonMapper.builder().build(), new SimpleMeterRegistry()));

	final MockHttpServletResponse response = new MockHttpServletResponse();

	final MockFilterChain chain = new MockFilterChain();

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void doFilterWhenValidTokenThenPasses() throws Exception {
		authenticate("sid-1");

		this.filter.doFilter(request("GET", "/api/customers/check-username/abc", csrfFor("sid-1")), this.response,
				this.chain);

		assertThat(this.chain.getRequest()).isNotNull();
	}

	@Nested
	class NotItsBusiness {

		@Test
		void doFilterWhenNotAuthenticatedThenPasses() throws Exception {
			CsrfTokenFilterTests.this.filter.doFilter(request("POST", "/api/auth/token", null),
					CsrfTokenFilterTests.this.response, CsrfTokenFilterTests.this.chain);

			assertThat(CsrfTokenFilterTests.this.chain.getRequest()).isNotNull();
		}

		@Test
		void doFilterWhenFetchingCsrfTokenThenPasses() throws Exception {
			authenticate("sid-1");

			CsrfTokenFilterTests.this.filter.doFilter(request("GET", "/api/auth/csrf-token", null),
					CsrfTokenFilterTests.this.response, CsrfTokenFilterTests.this.chain);

			assertThat(CsrfTokenFilterTests.this.chain.getRequest()).isNotNull();
		}

		@Test
		void doFilterWhenNotUnderApiThenPasses() throws Exception {
			authenticate("sid-1");

			CsrfTokenFilterTests.this.filter.doFilter(request("GET", "/v3/api-docs", null),
					CsrfTokenFilterTests.this.response, CsrfTokenFilterTests.this.chain);

			assertThat(CsrfTokenFilterTests.this.chain.getRequest()).isNotNull();
		}

	}

	@Nested
	class Refused {

		@Test
		void doFilterWhenHeaderMissingThenCsrfMissing() throws Exception {
			assertRefused(null, "csrf-missing");
		}

		@Test
		void doFilterWhenHeaderEmptyThenCsrfMissing() throws Exception {
			assertRefused("", "csrf-missing");
		}

		@Test
		void doFilterWhenOtherSessionsTokenThenCsrfInvalid() throws Exception {
			assertRefused(csrfFor("sid-2"), "csrf-invalid");
		}

		@Test
		void doFilterWhenGarbageThenCsrfInvalid() throws Exception {
			assertRefused("v1.garbage", "csrf-invalid");
		}

		@Test
		void doFilterWhenApiPathPercentEncodedThenStillChecked() throws Exception {
			authenticate("sid-1");

			CsrfTokenFilterTests.this.filter.doFilter(request("GET", "/%61pi/customers/check-username/abc", null),
					CsrfTokenFilterTests.this.response, CsrfTokenFilterTests.this.chain);

			assertThat(CsrfTokenFilterTests.this.chain.getRequest()).isNull();
			assertThat(CsrfTokenFilterTests.this.response.getStatus()).isEqualTo(403);
			assertThat(CsrfTokenFilterTests.this.response.getContentAsString()).contains("\"code\":\"csrf-missing\"");
		}

		@Test
		void doFilterWhenPostToTokenPathThenStillChecked() throws Exception {
			authenticate("sid-1");

			CsrfTokenFilterTests.this.filter.doFilter(request("POST", "/api/auth/csrf-token", null),
					CsrfTokenFilterTests.this.response, CsrfTokenFilterTests.this.chain);

			assertThat(CsrfTokenFilterTests.this.response.getStatus()).isEqualTo(403);
		}

		private void assertRefused(String csrf, String code) throws Exception {
			authenticate("sid-1");

			CsrfTokenFilterTests.this.filter.doFilter(request("POST", "/api/auth/logout", csrf),
					CsrfTokenFilterTests.this.response, CsrfTokenFilterTests.this.chain);

			assertThat(CsrfTokenFilterTests.this.chain.getRequest()).isNull();
			assertThat(CsrfTokenFilterTests.this.response.getStatus()).isEqualTo(403);
			assertThat(CsrfTokenFilterTests.this.response.getContentType()).isEqualTo("application/problem+json");
			assertThat(CsrfTokenFilterTests.this.response.getContentAsString()).contains("\"code\":\"" + code + "\"");
		}

	}

	String csrfFor(String sid) {
		return this.tokens.issue(sid).csrfToken();
	}

	static MockHttpServletRequest request(String method, String uri, String csrf) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.addPreferredLocale(Locale.ENGLISH);
		if (csrf != null) {
			request.addHeader(CsrfTokenFilter.HEADER, csrf);
		}
		return request;
	}

	static void authenticate(String sid) {
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject("bmp_kfayy_6526")
			.claims((claims) -> claims.putAll(Map.of("sid", sid, "scope", "user")))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

}
