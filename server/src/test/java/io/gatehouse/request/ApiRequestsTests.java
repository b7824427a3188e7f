package io.gatehouse.request;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRequestsTests {

	/** The rule as it was written before the raw path answered most requests. */
	private static final RequestMatcher MATCHER = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

	private static final List<String> SEGMENTS = List.of("api", "API", "apix", "ap", "%61pi", "%61%70%69", "a%70i",
			"%2Fapi", "api%2F", "api;x=1", ";x", "", ".well-known", "jwks.json", "..", ".", "%2e%2e", "x");

	@Test
	void isApiWhenGeneratedPathsThenAsTheMatcherDecides() {
		List<String> paths = new ArrayList<>(List.of("/", "/api", "/api/", "//api/x", "/api//x", "/api?", "/apix"));
		for (String first : SEGMENTS) {
			paths.add("/" + first);
			for (String second : SEGMENTS) {
				paths.add("/" + first + "/" + second);
				paths.add("/" + first + "/" + second + "/x");
			}
		}
		int api = 0;
		for (String contextPath : List.of("", "/gh")) {
			for (String path : paths) {
				boolean expected = before(request(contextPath, path));
				assertThat(ApiRequests.isApi(request(contextPath, path))).as(contextPath + path).isEqualTo(expected);
				api += expected ? 1 : 0;
			}
		}
		assertThat(api).as("paths under /api among those generated").isGreaterThan(100);
	}

	@Test
	void isApiWhenEscapedOrWithPathParameterThenDecodedAsRoutingDoes() {
		assertThat(ApiRequests.isApi(request("", "/%61pi/customers"))).isTrue();
		assertThat(ApiRequests.isApi(request("", "/api;jsessionid=1/customers"))).isTrue();
		assertThat(ApiRequests.isApi(request("/gh", "/api/customers"))).isTrue();
		assertThat(ApiRequests.isApi(request("", "/.well-known/jwks.json"))).isFalse();
		assertThat(ApiRequests.isApi(request("", "/apix/customers"))).isFalse();
	}

	private static boolean before(MockHttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/") || MATCHER.matches(request);
	}

	private static MockHttpServletRequest request(String contextPath, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + path);
		request.setContextPath(contextPath);
		return request;
	}

}
