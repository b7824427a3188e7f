package io.gatehouse.request;

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
		String address = fromForwardedFor(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
		request.setAttribute(RequestAttributes.CLIENT_ADDRESS, address);
		return address;
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
