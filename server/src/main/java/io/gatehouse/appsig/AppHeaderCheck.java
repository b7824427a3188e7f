package io.gatehouse.appsig;

import java.util.Map;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;

/**
 * docs/contract.md §1 step (1): {@code x-platform} names a known platform and
 * {@code x-app-version} is {@code MAJOR.MINOR.PATCH} (else 400 {@code invalid-header}),
 * no lower than the platform's configured minimum (else 426 {@code upgrade-required}).
 */
final class AppHeaderCheck {

	private final Map<Platform, AppVersion> minimumVersions;

	AppHeaderCheck(Map<Platform, AppVersion> minimumVersions) {
		this.minimumVersions = Map.copyOf(minimumVersions);
	}

	/** The request's platform, once both headers pass. */
	Platform check(HttpServletRequest request) {
		Platform platform = Platform.fromHeader(request.getHeader("x-platform"));
		AppVersion version = AppVersion.parse(request.getHeader("x-app-version"));
		if (platform == null || version == null) {
			throw new ApiException(ErrorCode.INVALID_HEADER, "x-platform or x-app-version malformed");
		}
		if (version.compareTo(this.minimumVersions.get(platform)) < 0) {
			throw new ApiException(ErrorCode.UPGRADE_REQUIRED, "app version below the minimum");
		}
		return platform;
	}

}
