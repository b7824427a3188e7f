package io.gatehouse.client;

import java.util.Locale;

/**
 * The platform an app runs on, sent as {@code x-platform}. Each platform has its own app
 * key and minimum app version on the server.
 */
public enum Platform {

	/** A browser app. */
	WEB,

	/** An Android app. */
	ANDROID,

	/** An iOS app. */
	IOS;

	/**
	 * The value of the {@code x-platform} header.
	 * @return {@code web}, {@code android} or {@code ios}
	 */
	public String headerValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
