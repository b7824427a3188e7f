package io.gatehouse.request;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ServedOverTlsTests {

	private final ServedOverTls tls = new ServedOverTls(List.of("10.0.0.5"));

	@Test
	void matchesWhenConnectionIsTlsThenTrue() {
		MockHttpServletRequest request = request("203.0.113.9");
		request.setSecure(true);

		assertThat(this.tls.matches(request)).isTrue();
	}

	@Test
	void matchesWhenPlainHttpThenFalse() {
		assertThat(this.tls.matches(request("203.0.113.9"))).isFalse();
	}

	@Test
	void matchesWhenTrustedProxySaysHttpsThenTrue() {
		MockHttpServletRequest request = request("10.0.0.5");
		request.addHeader("X-Forwarded-Proto", "https");

		assertThat(this.tls.matches(request)).isTrue();
	}

	@Test
	void matchesWhenPeerInATrustedCidrRangeSaysHttpsThenTrueAndOutsideItFalse() {
		ServedOverTls ranges = new ServedOverTls(List.of("10.0.0.0/24", "fd00::/8"));
		MockHttpServletRequest inside = request("10.0.0.77");
		inside.addHeader("X-Forwarded-Proto", "https");
		MockHttpServletRequest inside6 = request("fd00::1");
		inside6.addHeader("X-Forwarded-Proto", "https");
		MockHttpServletRequest outside = request("10.0.1.77");
		outside.addHeader("X-Forwarded-Proto", "https");

		assertThat(ranges.matches(inside)).isTrue();
		assertThat(ranges.matches(inside6)).isTrue();
		assertThat(ranges.matches(outside)).isFalse();
	}

	@Test
	void matchesWhenUntrustedPeerSaysHttpsThenFalse() {
		MockHttpServletRequest request = request("203.0.113.9");
		request.addHeader("X-Forwarded-Proto", "https");

		assertThat(this.tls.matches(request)).isFalse();
	}

	@Test
	void matchesWhenTrustedProxySaysHttpThenFalse() {
		MockHttpServletRequest request = request("10.0.0.5");
		request.addHeader("X-Forwarded-Proto", "http");

		assertThat(this.tls.matches(request)).isFalse();
	}

	@Test
	void matchesWhenClientsHttpsPrecedesProxysHttpThenFalse() {
		MockHttpServletRequest request = request("10.0.0.5");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Proto", "http");
		MockHttpServletRequest list = request("10.0.0.5");
		list.addHeader("X-Forwarded-Proto", "https, http");

		assertThat(this.tls.matches(request)).isFalse();
		assertThat(this.tls.matches(list)).isFalse();
	}

	@Test
	void matchesWhenProxySaysHttpsInUpperCaseThenTrue() {
		MockHttpServletRequest request = request("10.0.0.5");
		request.addHeader("X-Forwarded-Proto", "HTTPS");

		assertThat(this.tls.matches(request)).isTrue();
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRemoteAddr(peer);
		return request;
	}

}
