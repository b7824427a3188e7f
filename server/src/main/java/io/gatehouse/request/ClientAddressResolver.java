package io.gatehouse.request;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address for rate limits: the socket's peer, unless that peer lies in a
 * configured trusted-proxy range (CIDR, IPv4 or IPv6), in which case the right-most
 * {@code X-Forwarded-For} hop outside those ranges. A client cannot claim an address by
 * sending the header itself, and Tomcat's RemoteIpValve stays off
 * ({@code server.forward-headers-strategy: none}), so nothing else believes it either. An
 * IPv6 client counts as its /64 (see {@link IpAddresses#rateLimitKey}).
 */
public final class ClientAddressResolver {

	private final List<AddressRange> trustedProxies;

	public ClientAddressResolver(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
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
		byte[] peerAddress = IpAddresses.parse(peer);
		String peerKey = (peerAddress != null) ? IpAddresses.rateLimitKey(peerAddress) : peer;
		if (!trusted(peerAddress) || forwardedFor == null || forwardedFor.isBlank()) {
			return peerKey;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (hop.isEmpty()) {
				continue;
			}
			byte[] address = IpAddresses.parse(withoutBracketsOrPort(hop));
			if (address == null) {
				// What the trusted proxy wrote is no address: count the proxy, not the
				// text.
				return peerKey;
			}
			if (!trusted(address)) {
				return IpAddresses.rateLimitKey(address);
			}
		}
		return peerKey;
	}

	private boolean trusted(byte[] address) {
		for (AddressRange range : this.trustedProxies) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/** {@code [2001:db8::1]:443} and {@code 192.0.2.1:443} as some proxies write them. */
	private static String withoutBracketsOrPort(String hop) {
		if (hop.startsWith("[")) {
			int end = hop.indexOf(']');
			return (end > 0) ? hop.substring(1, end) : hop;
		}
		int colon = hop.indexOf(':');
		return (colon > 0 && colon == hop.lastIndexOf(':')) ? hop.substring(0, colon) : hop;
	}

}
