package io.gatehouse.webconfig;

import java.util.Optional;
import java.util.regex.Pattern;

import io.gatehouse.appsig.AppSignatureProperties;
import io.gatehouse.appsig.AppSignatureProperties.App;
import io.gatehouse.appsig.Platform;

/**
 * The settings the sign-in page fetches at start: where the API is, and the platform,
 * version and app key it signs with. The web key ships to every browser and proves
 * nothing about the caller (docs/contract.md §1), so serving its secret gives nothing
 * away that the page itself would not.
 *
 * @param apiBase the API's base URL; empty for the page's own origin
 * @param platform always {@code web}
 * @param appVersion the page's {@code x-app-version}
 * @param kid the app key's id
 * @param secret the app key's secret
 */
record WebPageSettings(String apiBase, String platform, String appVersion, String kid, String secret) {

	private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

	private static final Pattern API_BASE = Pattern.compile("(https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?)?");

	/**
	 * The page's settings, or none when {@code gatehouse.web.app-kid} is empty.
	 * @throws IllegalStateException with a one-line reason when the configuration names
	 * no web key, or a malformed version or API base
	 */
	static Optional<WebPageSettings> resolve(WebPageProperties web, AppSignatureProperties appSignature) {
		if (web.appKid().isBlank()) {
			return Optional.empty();
		}
		App app = appSignature.apps()
			.stream()
			.filter((candidate) -> candidate.kid().equals(web.appKid()) && candidate.platform() == Platform.WEB)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("gatehouse.web.app-kid '" + web.appKid()
					+ "' names no web app key of gatehouse.app-signature.apps"));
		if (!VERSION.matcher(web.appVersion()).matches()) {
			throw new IllegalStateException("gatehouse.web.app-version must be MAJOR.MINOR.PATCH");
		}
		if (!API_BASE.matcher(web.apiBase()).matches()) {
			throw new IllegalStateException(
					"gatehouse.web.api-base must be empty or an http(s) URL without a trailing slash");
		}
		return Optional
			.of(new WebPageSettings(web.apiBase(), Platform.WEB.header(), web.appVersion(), app.kid(), app.secret()));
	}

	@Override
	public String toString() {
		return "WebPageSettings[apiBase=" + this.apiBase + ", appVersion=" + this.appVersion + ", kid=" + this.kid
				+ "]";
	}

}
