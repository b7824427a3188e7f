package io.gatehouse.request;

/**
 * A CIDR range of trusted proxies ({@code 10.0.0.0/8}, {@code fd00::/8}), or one address
 * ({@code 127.0.0.1}: /32; {@code ::1}: /128). An IPv4 range never contains an IPv6
 * address, nor the reverse.
 */
record AddressRange(byte[] network, int prefixLength) {

	/**
	 * Parses one entry of {@code gatehouse.trusted-proxies}; a bad one stops the start.
	 */
	static AddressRange parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		byte[] network = IpAddresses.parse((slash >= 0) ? trimmed.substring(0, slash) : trimmed);
		if (network == null) {
			throw new IllegalArgumentException("gatehouse.trusted-proxies: not an address or CIDR range: " + text);
		}
		int bits = network.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(trimmed.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("gatehouse.trusted-proxies: bad prefix length in " + text);
			}
		}
		return new AddressRange(network, prefix);
	}

	boolean contains(byte[] address) {
		if (address == null || address.length != this.network.length) {
			return false;
		}
		int full = this.prefixLength / 8;
		for (int i = 0; i < full; i++) {
			if (address[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefixLength % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xff << (8 - rest)) & 0xff;
		return (address[full] & mask) == (this.network[full] & mask);
	}

}
