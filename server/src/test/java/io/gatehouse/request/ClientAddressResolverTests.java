package io.gatehouse.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressResolverTests {

	final ClientAddressResolver resolver = new ClientAddressResolver(List.of("10.0.0.1"));

	@Test
	void resolveWhenPeerNotTrustedThenPeerWhateverTheHeaderSays() {
		MockHttpServletRequest request = request("198.51.100.9", "203.0.113.7");

		assertThat(this.resolver.resolve(request)).isEqualTo("198.51.100.9");
	}

	@Test
	void resolveWhenTrustedProxyThenRightMostUntrustedHop() {
		MockHttpServletRequest request = request("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.1");

		assertThat(this.resolver.resolve(request)).isEqualTo("203.0.113.7");
	}

	@Test
	void resolveWhenProxyAppendsItsOwnHeaderLineThenItsHopWinsOverTheClients() {
		// A proxy may add a field line of its own (HAProxy's "option forwardfor") after
		// the
		// one the client sent: RFC 9110 §5.3 reads both as one comma-separated list.
		MockHttpServletRequest request = request("10.0.0.1", "6.6.6.6");
		request.addHeader("X-Forwarded-For", "203.0.113.7");

		assertThat(this.resolver.resolve(request)).isEqualTo("203.0.113.7");
	}

	@Test
	void resolveWhenNoHeaderThenPeer() {
		MockHttpServletRequest request = request("10.0.0.1", null);

		assertThat(this.resolver.resolve(request)).isEqualTo("10.0.0.1");
	}

	@Test
	void resolveWhenPeerInTrustedCidrRangesThenForwardedHopForIpv4AndIpv6Proxies() {
		ClientAddressResolver ranges = new ClientAddressResolver(List.of("10.0.0.0/8", "fd00::/8", "127.0.0.1"));

		assertThat(ranges.resolve(request("10.200.3.4", "203.0.113.7, 10.1.1.1"))).isEqualTo("203.0.113.7");
		assertThat(ranges.resolve(request("fd12:3456::1", "203.0.113.8"))).isEqualTo("203.0.113.8");
		assertThat(ranges.resolve(request("11.0.0.1", "203.0.113.9"))).isEqualTo("11.0.0.1");
		assertThat(ranges.resolve(request("127.0.0.2", "203.0.113.9"))).isEqualTo("127.0.0.2");
	}

	@Test
	void resolveWhenIpv6ClientThenCountedPerSlash64() {
		ClientAddressResolver trusting = new ClientAddressResolver(List.of("127.0.0.1/32"));

		assertThat(trusting.resolve(request("127.0.0.1", "2001:db8:1:2::1"))).isEqualTo("2001:db8:1:2::/64");
		assertThat(trusting.resolve(request("127.0.0.1", "2001:db8:1:2:ffff:ffff:ffff:ffff")))
			.isEqualTo("2001:db8:1:2::/64");
		assertThat(trusting.resolve(request("127.0.0.1", "[2001:db8:1:3::1]:443"))).isEqualTo("2001:db8:1:3::/64");
		assertThat(this.resolver.resolve(request("2001:db8:0:0:1:2:3:4", null))).isEqualTo("2001:db8:0:0::/64");
		// IPv4-mapped: the IPv4 client it is.
		assertThat(trusting.resolve(request("127.0.0.1", "::ffff:192.0.2.1"))).isEqualTo("192.0.2.1");
	}

	@Test
	void resolveWhenHopIsNoAddressLiteralThenTheProxyWithoutAnyLookup() {
		ClientAddressResolver trusting = new ClientAddressResolver(List.of("127.0.0.1"));

		assertThat(trusting.resolve(request("127.0.0.1", "localhost"))).isEqualTo("127.0.0.1");
		assertThat(trusting.resolve(request("127.0.0.1", "1.2.3"))).isEqualTo("127.0.0.1");
		assertThat(trusting.resolve(request("127.0.0.1", "256.1.1.1"))).isEqualTo("127.0.0.1");
		assertThat(trusting.resolve(request("127.0.0.1", "x".repeat(5000)))).isEqualTo("127.0.0.1");
		assertThat(trusting.resolve(request("127.0.0.1", "192.0.2.1:8080"))).isEqualTo("192.0.2.1");
	}

	@Test
	void newWhenTrustedProxyIsNoAddressOrRangeThenRefusesToStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("proxy.internal")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddressResolver(List.of("::/129")));
	}

	@Test
	void containsWhenPrefixNotOnAByteBoundaryThenMasked() {
		AddressRange range = AddressRange.parse("192.0.2.64/26");

		assertThat(range.contains(IpAddresses.parse("192.0.2.127"))).isTrue();
		assertThat(range.contains(IpAddresses.parse("192.0.2.128"))).isFalse();
		assertThat(range.contains(IpAddresses.parse("::ffff:192.0.2.65"))).isTrue();
		assertThat(AddressRange.parse("0.0.0.0/0").contains(IpAddresses.parse("2001:db8::1"))).isFalse();
	}

	static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/guest");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
