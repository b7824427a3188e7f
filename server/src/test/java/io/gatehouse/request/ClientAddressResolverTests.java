package io.gatehouse.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

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

	static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/guest");
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
