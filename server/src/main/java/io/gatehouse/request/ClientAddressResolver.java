package io.gatehouse.request;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for rate limits: the socket's peer, unless that peer is a
 * configured trusted proxy, in which case the right-most untrusted address of
 * {@code X-Forwarded-For}. Only addresses listed exactly are trusted, so a client cannot
 * claim an address by sending the header itself.
 */
public final class ClientAddressResolver {

	private final Set<String> trustedProxies;

	public ClientAddressResolver(List<String> trustedProxies) {
		this.trustedProxies = Set.copyOf(trustedProxies);
	}

	public String resolve(HttpServletRequest request) {
		Object cached = request.getAttribute(RequestAttributes.CLIENT_ADDRESS);
		if (cached != null) {
			return cached.toString();
		}
		String address = fromForwardedFor(request.getRemoteAddr(), forwardedFor(request));
		request.setAttribute(RequestAttributes.CLIENT_ADDRESS, address);
		return address;
	}

	/**
	 * Every {@code X-Forwarded-For} field line as one list (RFC 9110 §5.3): a proxy that
	 * adds a line of its own after the client's puts the hop that counts in the last one.
	 */
	private static String forwardedFor(HttpServletRequest request) {
		Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
		return (lines != null && lines.hasMoreElements()) ? String.join(",", Collections.list(lines)) : null;
	}

	String fromForwardedFor(String peer, String forwardedFor) {
		if (!this.trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!hop.isEmpty() && !this.trustedProxies.contains(hop)) {
				return (hop.length() <= 64) ? hop : peer;
			}
		}
		return peer;
	}

}
