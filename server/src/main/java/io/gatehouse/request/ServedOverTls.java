package io.gatehouse.request;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Whether the client reached Gatehouse over TLS, which decides whether HSTS is sent: the
 * connection itself is TLS ({@code request.isSecure()}), or the socket's peer is a
 * configured trusted proxy ({@code gatehouse.trusted-proxies}, the same ranges as for
 * {@code X-Forwarded-For}) whose {@code X-Forwarded-Proto} says {@code https}, as the
 * documented nginx sets it. Anyone else's {@code X-Forwarded-Proto} is ignored: Spring's
 * forwarded-header handling is off, so the header can change nothing else.
 */
public final class ServedOverTls implements RequestMatcher {

	static final String FORWARDED_PROTO = "X-Forwarded-Proto";

	private final List<AddressRange> trustedProxies;

	public ServedOverTls(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(AddressRange::parse).toList();
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		if (request.isSecure()) {
			return true;
		}
		if (this.trustedProxies.isEmpty()) {
			return false;
		}
		byte[] peer = IpAddresses.parse(request.getRemoteAddr());
		return this.trustedProxies.stream().anyMatch((range) -> range.contains(peer))
				&& "https".equals(lastForwardedProto(request));
	}

	/**
	 * The value the nearest proxy set: the last of every {@code X-Forwarded-Proto} line
	 * and list element, so a client's own header in front of the proxy's counts for
	 * nothing.
	 */
	private static String lastForwardedProto(HttpServletRequest request) {
		Enumeration<String> lines = request.getHeaders(FORWARDED_PROTO);
		if (lines == null || !lines.hasMoreElements()) {
			return null;
		}
		List<String> all = Collections.list(lines);
		String last = all.get(all.size() - 1);
		int comma = last.lastIndexOf(',');
		return last.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
	}

}
