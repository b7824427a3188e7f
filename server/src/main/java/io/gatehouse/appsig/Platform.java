package io.gatehouse.appsig;

/**
 * The client platforms of docs/contract.md §1's {@code x-platform} header. Each has its
 * own app keys and minimum app version.
 */
public enum Platform {

	IOS("ios"), ANDROID("android"), WEB("web");

	private final String header;

	Platform(String header) {
		this.header = header;
	}

	/** The value as sent in {@code x-platform}. */
	public String header() {
		return this.header;
	}

	/** The platform named exactly (lower case) by the header, or {@code null}. */
	static Platform fromHeader(String value) {
		if (value == null) {
			return null;
		}
		for (Platform platform : values()) {
			if (platform.header.equals(value)) {
				return platform;
			}
		}
		return null;
	}

}
