package io.gatehouse.webconfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the browser sign-in page is told at start ({@code gatehouse.web.*}). The key's
 * secret is not here: it is the one {@code gatehouse.app-signature.apps} holds for
 * {@code appKid}, so a rotation changes one place.
 *
 * @param appKid the app key the page signs with: a {@code web} key of
 * {@code gatehouse.app-signature.apps}; empty when the server serves no sign-in page
 * @param appVersion the version the page sends as {@code x-app-version}
 * @param apiBase where the page sends API calls: empty for the page's own origin, else an
 * absolute {@code http(s)} URL without a trailing slash (the Content-Security-Policy's
 * {@code connect-src} must then allow it)
 */
@ConfigurationProperties("gatehouse.web")
public record WebPageProperties(@DefaultValue("") String appKid, @DefaultValue("1.0.0") String appVersion,
		@DefaultValue("") String apiBase) {

}
