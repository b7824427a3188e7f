package io.gatehouse.pipeline;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The shortcut is on only when no other route could match the hot route's paths as well
 * or better, and off (Spring MVC's lookup for every request) as soon as one could.
 */
class HotRouteHandlerMappingTests {

	private static final String TEMPLATE = "/api/check/{name}";

	@Test
	void shortcutWhenOnlyTheRouteAndUnrelatedRoutesThenOn() {
		HotRouteHandlerMapping routes = routes(HotRoute.class, Unrelated.class);

		assertThat(routes.isShortcutOn()).isTrue();
		assertThat(routes.lookupHotRoute("/api/check/alice", get("/api/check/alice"))).isNotNull();
	}

	@Test
	void shortcutWhenCatchAllBelowThePrefixThenOnAndTheRouteStillWins() throws Exception {
		HotRouteHandlerMapping routes = routes(HotRoute.class, CatchAllBelow.class);

		assertThat(routes.isShortcutOn()).isTrue();
		assertThat(routes.lookupWithoutShortcut("/api/check/alice", get("/api/check/alice")).getMethod().getName())
			.isEqualTo("check");
		assertThat(routes.lookupWithoutShortcut("/api/check/a/b", get("/api/check/a/b")).getMethod().getName())
			.isEqualTo("rest");
	}

	@Test
	void shortcutWhenLiteralRouteOneSegmentBelowThePrefixThenOff() {
		assertThat(routes(HotRoute.class, LiteralBelow.class).isShortcutOn()).isFalse();
	}

	@Test
	void shortcutWhenWildcardAboveThePrefixThenOff() {
		assertThat(routes(HotRoute.class, WildcardAbove.class).isShortcutOn()).isFalse();
		assertThat(routes(HotRoute.class, VariableAbove.class).isShortcutOn()).isFalse();
	}

	@Test
	void shortcutWhenRouteMappedTwiceForGetThenOff() {
		assertThat(routes(HotRouteTwice.class).isShortcutOn()).isFalse();
	}

	@Test
	void shortcutWhenRouteNotMappedForGetAloneThenOff() {
		assertThat(routes(Unrelated.class).isShortcutOn()).isFalse();
		assertThat(routes(HotRouteForAnyMethod.class).isShortcutOn()).isFalse();
	}

	@Test
	void templateWhenNotAPrefixAndOneVariableThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HotRouteHandlerMapping("/api/check/{a}/{b}"));
		assertThatIllegalArgumentException().isThrownBy(() -> new HotRouteHandlerMapping("/api/check/x{a}"));
		assertThatIllegalArgumentException().isThrownBy(() -> new HotRouteHandlerMapping("/api/check/"));
	}

	private static HotRouteHandlerMapping routes(Class<?>... controllers) {
		StaticApplicationContext context = new StaticApplicationContext();
		for (Class<?> controller : controllers) {
			context.registerSingleton(controller.getSimpleName(), controller);
		}
		context.refresh();
		HotRouteHandlerMapping routes = new HotRouteHandlerMapping(TEMPLATE);
		routes.setApplicationContext(context);
		routes.afterPropertiesSet();
		return routes;
	}

	private static MockHttpServletRequest get(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	@RestController
	static class HotRoute {

		@GetMapping(TEMPLATE)
		String check() {
			return "check";
		}

	}

	@RestController
	static class HotRouteTwice {

		@GetMapping(path = TEMPLATE, produces = "application/json")
		String json() {
			return "json";
		}

		@GetMapping(path = TEMPLATE, produces = "text/plain")
		String text() {
			return "text";
		}

	}

	@RestController
	static class HotRouteForAnyMethod {

		@org.springframework.web.bind.annotation.RequestMapping(TEMPLATE)
		String check() {
			return "check";
		}

	}

	@RestController
	static class Unrelated {

		@PostMapping("/api/check")
		String post() {
			return "post";
		}

		@GetMapping("/api/other/{id}")
		String other() {
			return "other";
		}

		@GetMapping("/api/check/alice/details")
		String deeper() {
			return "deeper";
		}

	}

	@RestController
	static class CatchAllBelow {

		@GetMapping("/api/check/**")
		String rest() {
			return "rest";
		}

	}

	@RestController
	static class LiteralBelow {

		@GetMapping("/api/check/me")
		String me() {
			return "me";
		}

	}

	@RestController
	static class WildcardAbove {

		@GetMapping("/api/**")
		String any() {
			return "any";
		}

	}

	@RestController
	static class VariableAbove {

		@GetMapping("/api/{kind}/{name}")
		String any() {
			return "any";
		}

	}

}
