package io.gatehouse.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatehouse.routes.ApiRoutes;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's routes are looked up with the username check's shortcut on, and every
 * request gets from it the handler and request attributes Spring MVC's own lookup gives:
 * the shortcut's requests and every one near them (other methods, encoded or
 * parameterised paths, deeper paths, other {@code Accept} values, CORS preflights).
 */
@IntegrationTest
class HotRouteHandlerMappingIntegrationTests {

	private static final String CHECK = ApiRoutes.CHECK_USERNAME;

	private static final List<String> PATHS = List.of(CHECK + "alice", CHECK + "alice.smith", CHECK + "a",
			CHECK + "bob.json", CHECK + "%61lice", CHECK + "alice;v=1", CHECK + "alice/more", CHECK + "alice/", CHECK,
			CHECK + "..", "/api/customers/check-username", "/api/customers/check-usernames/alice",
			"/api/customers/me/pin", "/.well-known/jwks.json", "/api/auth/csrf-token", "/no/such/route");

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "OPTIONS");

	private static final List<String> ACCEPTS = List.of("", "application/json", "*/*", "text/plain",
			"application/problem+json", "text/html, application/json;q=0.9");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping applicationRoutes;

	@Test
	void applicationRoutesHaveTheShortcutOn() {
		assertThat(this.applicationRoutes).isInstanceOf(HotRouteHandlerMapping.class);
		assertThat(((HotRouteHandlerMapping) this.applicationRoutes).isShortcutOn()).isTrue();
	}

	@Test
	void lookupWhenPlainGetOfTheCheckThenTheShortcutServesIt() {
		HotRouteHandlerMapping routes = (HotRouteHandlerMapping) this.applicationRoutes;

		for (String path : List.of(CHECK + "alice", CHECK + "alice.smith", CHECK + "a")) {
			for (String accept : List.of("", "application/json", "*/*", "text/html, application/json;q=0.9")) {
				MockHttpServletRequest request = request("GET", path, accept, false);
				HandlerMethod hot = routes.lookupHotRoute(path, request);

				assertThat(hot).as(path + " " + accept).isNotNull();
				assertThat(hot.getMethod().getName()).isEqualTo("check");
			}
		}
	}

	@Test
	void lookupWhenNotAPlainGetOfTheCheckThenSpringMvcLooksUp() {
		HotRouteHandlerMapping routes = (HotRouteHandlerMapping) this.applicationRoutes;

		assertThat(routes.lookupHotRoute(CHECK + "%61lice", request("GET", CHECK + "%61lice", "", false))).isNull();
		assertThat(routes.lookupHotRoute(CHECK + "alice;v=1", request("GET", CHECK + "alice;v=1", "", false))).isNull();
		assertThat(routes.lookupHotRoute(CHECK + "alice/more", request("GET", CHECK + "alice/more", "", false)))
			.isNull();
		assertThat(routes.lookupHotRoute(CHECK, request("GET", CHECK, "", false))).isNull();
		assertThat(routes.lookupHotRoute(CHECK + "alice", request("HEAD", CHECK + "alice", "", false))).isNull();
		assertThat(routes.lookupHotRoute(CHECK + "alice", request("OPTIONS", CHECK + "alice", "", true))).isNull();
		assertThat(routes.lookupHotRoute(CHECK + "alice", request("GET", CHECK + "alice", "text/plain", false)))
			.isNull();
	}

	@Test
	void lookupWithShortcutThenSameHandlerAndAttributesAsSpringMvcsLookup() throws Exception {
		HotRouteHandlerMapping routes = (HotRouteHandlerMapping) this.applicationRoutes;
		int compared = 0;
		for (String path : PATHS) {
			for (String method : METHODS) {
				for (String accept : ACCEPTS) {
					boolean preflight = method.equals("OPTIONS");
					MockHttpServletRequest viaShortcut = request(method, path, accept, preflight);
					MockHttpServletRequest viaSpringMvc = request(method, path, accept, preflight);

					String shortcut = outcome(() -> routes.lookupHandlerMethod(lookupPath(viaShortcut), viaShortcut));
					String springMvc = outcome(
							() -> routes.lookupWithoutShortcut(lookupPath(viaSpringMvc), viaSpringMvc));

					String what = method + " " + path + " Accept: " + accept;
					assertThat(shortcut).as(what).isEqualTo(springMvc);
					assertThat(attributes(viaShortcut)).as(what).isEqualTo(attributes(viaSpringMvc));
					compared++;
				}
			}
		}
		assertThat(compared).isEqualTo(PATHS.size() * METHODS.size() * ACCEPTS.size());
	}

	private static MockHttpServletRequest request(String method, String path, String accept, boolean preflight) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (!accept.isEmpty()) {
			request.addHeader("Accept", accept);
		}
		if (preflight) {
			request.addHeader("Origin", "https://app.example");
			request.addHeader("Access-Control-Request-Method", "GET");
		}
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	private static String lookupPath(MockHttpServletRequest request) {
		return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
	}

	private static String outcome(Lookup lookup) {
		try {
			HandlerMethod handler = lookup.run();
			return (handler != null) ? handler.getMethod().toString() : "no handler";
		}
		catch (Exception ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	/** The request's attributes as text (each request parses its own path object). */
	private static Map<String, String> attributes(MockHttpServletRequest request) {
		Map<String, String> attributes = new LinkedHashMap<>();
		List<String> names = new ArrayList<>(Collections.list(request.getAttributeNames()));
		Collections.sort(names);
		for (String name : names) {
			Object value = request.getAttribute(name);
			attributes.put(name,
					(value instanceof HandlerMethod handler) ? handler.getMethod().toString() : String.valueOf(value));
		}
		return attributes;
	}

	@FunctionalInterface
	private interface Lookup {

		HandlerMethod run() throws Exception;

	}

}
