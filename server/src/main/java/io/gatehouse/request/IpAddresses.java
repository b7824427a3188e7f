package io.gatehouse.request;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals, and only literals: {@link InetAddress#getByName} alone
 * would look a name up in DNS, or read {@code 1.2.3} as an old short form. IPv4 is four
 * decimal parts; IPv6 is what the JDK parses once the text holds nothing but hex digits,
 * colons and dots (an embedded IPv4 part). An IPv4-mapped IPv6 address is its IPv4
 * address.
 */
final class IpAddresses {

	private static final int MAX_LENGTH = 45;

	private IpAddresses() {
	}

	/** 4 or 16 bytes, or {@code null} when the text is not an address literal. */
	static byte[] parse(String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
			return null;
		}
		return (text.indexOf(':') >= 0) ? ipv6(text) : ipv4(text);
	}

	/**
	 * The address as a rate-limit key: IPv4 as it is, IPv6 as its /64 prefix, since one
	 * subscriber usually gets a whole /64 and could otherwise count as 2^64 clients.
	 */
	static String rateLimitKey(byte[] address) {
		if (address.length == 4) {
			return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
					+ (address[3] & 0xff);
		}
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < 8; i += 2) {
			key.append(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff))).append(':');
		}
		return key.append(":/64").toString();
	}

	private static byte[] ipv4(String text) {
		byte[] address = new byte[4];
		int part = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : '.';
			if (c == '.') {
				if (digits == 0 || part == 4) {
					return null;
				}
				address[part++] = (byte) value;
				value = 0;
				digits = 0;
			}
			else if (c >= '0' && c <= '9' && digits < 3) {
				value = value * 10 + (c - '0');
				digits++;
				if (value > 255) {
					return null;
				}
			}
			else {
				return null;
			}
		}
		return (part == 4) ? address : null;
	}

	private static byte[] ipv6(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':'
					|| c == '.';
			if (!allowed) {
				return null;
			}
		}
		try {
			// A literal with a colon is never looked up: it parses or fails.
			InetAddress address = InetAddress.getByName(text);
			return (address instanceof Inet6Address || address.getAddress().length == 4) ? address.getAddress() : null;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
