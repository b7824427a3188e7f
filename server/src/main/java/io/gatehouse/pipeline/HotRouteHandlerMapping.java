package io.gatehouse.pipeline;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's handler lookup, with one shortcut: a {@code GET} of the hot route (the
 * username check, {@code prefix{variable}}) is matched against that route's mapping
 * alone.
 * <p>
 * A path with a variable is in no direct-path index, so Spring MVC matches it against
 * every mapping of the application, sorts what matched and takes the first: 4.6 % of the
 * username check's CPU, the most expensive lookup of any route (docs/benchmarks.md). The
 * shortcut gives the same answer for a reason checked at start-up: besides the hot route,
 * the only mappings whose patterns could match {@code prefix} and one more segment are
 * catch-alls ({@code prefix**}), which Spring MVC ranks after it. When the hot route
 * matches, it is therefore Spring MVC's best match too; the shortcut then sets the same
 * request attributes ({@code handleMatch}) and returns the same handler. Everything else
 * takes Spring MVC's own lookup: another method, a path that is not one plain segment
 * below the prefix (a {@code %} or {@code ;}, which routing decodes or strips, a
 * {@code /}), a request the route's other conditions refuse ({@code Accept}), and every
 * request when another mapping could match (the shortcut is then off, and says so).
 */
final class HotRouteHandlerMapping extends RequestMappingHandlerMapping {

	private final String template;

	private final String prefix;

	/** Null while the shortcut is off. */
	private volatile HotRoute hotRoute;

	/** {@code template} is {@code prefix} followed by one {@code {variable}}. */
	HotRouteHandlerMapping(String template) {
		int variable = template.indexOf('{');
		if (variable <= 0 || template.lastIndexOf('{') != variable || template.charAt(variable - 1) != '/'
				|| !template.endsWith("}") || template.indexOf('/', variable) >= 0) {
			throw new IllegalArgumentException("not a prefix and one {variable}: " + template);
		}
		this.template = template;
		this.prefix = template.substring(0, variable);
	}

	@Override
	public void afterPropertiesSet() {
		super.afterPropertiesSet();
		this.hotRoute = findHotRoute();
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.hotRoute = findHotRoute();
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.hotRoute = findHotRoute();
	}

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		HandlerMethod hot = lookupHotRoute(lookupPath, request);
		return (hot != null) ? hot : super.lookupHandlerMethod(lookupPath, request);
	}

	/**
	 * The hot route's handler, with the request attributes Spring MVC's lookup sets for
	 * its best match, when the shortcut serves this request; else null.
	 */
	HandlerMethod lookupHotRoute(String lookupPath, HttpServletRequest request) {
		HotRoute route = this.hotRoute;
		if (route == null || !isOnePlainSegmentBelowPrefix(lookupPath) || !"GET".equals(request.getMethod())) {
			return null;
		}
		RequestMappingInfo match = getMatchingMapping(route.mapping(), request);
		if (match == null) {
			return null;
		}
		request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, route.handler());
		handleMatch(match, lookupPath, request);
		return route.handler();
	}

	/** Spring MVC's own lookup, without the shortcut (the tests compare the two). */
	HandlerMethod lookupWithoutShortcut(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	/**
	 * Whether the shortcut is on: the hot route is mapped and no other route can shadow
	 * it.
	 */
	boolean isShortcutOn() {
		return this.hotRoute != null;
	}

	/**
	 * A path routing sees as it is (no {@code %} to decode, no {@code ;} to strip), the
	 * prefix and one non-empty segment.
	 */
	private boolean isOnePlainSegmentBelowPrefix(String path) {
		int start = this.prefix.length();
		if (path.length() <= start || !path.startsWith(this.prefix)) {
			return false;
		}
		for (int i = start; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '/' || c == '%' || c == ';') {
				return false;
			}
		}
		return true;
	}

	private HotRoute findHotRoute() {
		if (getPatternParser() == null || !getPatternParser().isCaseSensitive()) {
			// Literal starts rule paths out only when paths are parsed and matched by
			// case.
			this.logger.info("Handler lookup shortcut for " + this.template + " off: paths matched without "
					+ "parsed patterns or regardless of case");
			return null;
		}
		HotRoute found = null;
		List<String> shadows = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : getHandlerMethods().entrySet()) {
			RequestMappingInfo mapping = entry.getKey();
			Set<String> patterns = mapping.getPatternValues();
			// One GET mapping of the template; a second one (another Accept, say) shadows
			// it.
			if (found == null && patterns.equals(Set.of(this.template))
					&& mapping.getMethodsCondition().getMethods().equals(Set.of(RequestMethod.GET))) {
				found = new HotRoute(mapping, entry.getValue());
			}
			else if (patterns.stream().anyMatch(this::mayShadow)) {
				shadows.add(mapping.toString());
			}
		}
		if (found == null || !shadows.isEmpty()) {
			this.logger.info("Handler lookup shortcut for " + this.template + " off: "
					+ ((found == null) ? "not mapped" : "other routes may match its paths " + shadows));
			return null;
		}
		return found;
	}

	/**
	 * Whether a pattern could match {@code prefix} and one more segment as well as or
	 * better than the hot route: any pattern whose literal start is not ruled out by the
	 * prefix, except a catch-all right below it, which ranks after the route.
	 */
	private boolean mayShadow(String pattern) {
		if (pattern.equals(this.prefix + "**")) {
			// Spring MVC ranks it after prefix{variable} (HotRouteHandlerMappingTests).
			return false;
		}
		int wildcard = firstWildcard(pattern);
		if (wildcard < 0) {
			// A literal pattern matches its own path only.
			return pattern.length() > this.prefix.length() && pattern.startsWith(this.prefix)
					&& pattern.indexOf('/', this.prefix.length()) < 0;
		}
		String literalStart = pattern.substring(0, wildcard);
		return this.prefix.startsWith(literalStart) || literalStart.startsWith(this.prefix);
	}

	private static int firstWildcard(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return i;
			}
		}
		return -1;
	}

	private record HotRoute(RequestMappingInfo mapping, HandlerMethod handler) {
	}

}
