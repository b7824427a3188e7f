package io.gatehouse.pipeline;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its own character rules for header
 * names, header values and parameter names, written as a loop instead of its regular
 * expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values the same plus
 * tab). The firewall checks a header each time it is read, and a signed request's headers
 * are long and read several times: the expressions cost more than any security check
 * Gatehouse adds (docs/benchmarks.md). Same rules, same answers:
 * {@code FirewallCharactersTests} compares both on every character.
 */
final class FirewallCharacters {

	private FirewallCharacters() {
	}

	static StrictHttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(FirewallCharacters::isAllowedValue);
		firewall.setAllowedParameterNames(FirewallCharacters::isAllowedName);
		return firewall;
	}

	/** Every code point assigned and none a control character. */
	static boolean isAllowedName(String name) {
		return allowed(name, false);
	}

	/** Every code point assigned and none a control character but tab. */
	static boolean isAllowedValue(String value) {
		return allowed(value, true);
	}

	private static boolean allowed(String text, boolean tab) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				// Printable ASCII, nearly every character of a request's headers.
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
