package io.gatehouse.webconfig;

import java.util.Optional;

import io.gatehouse.appsig.AppSignatureProperties;
import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /gatehouse-web.json}: the sign-in page's settings, read at start so that a
 * deployment changes its key by configuration alone. Outside {@code /api}: it needs no
 * signature (the page cannot sign before it has a key). Never cached, so a rotated key
 * reaches the next page load.
 */
@RestController
class WebPageSettingsController {

	static final String PATH = "/gatehouse-web.json";

	private final Optional<WebPageSettings> settings;

	// Resolved here, so that a gatehouse.web.app-kid naming no web key stops the start.
	WebPageSettingsController(WebPageProperties web, AppSignatureProperties appSignature) {
		this.settings = WebPageSettings.resolve(web, appSignature);
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WebPageSettings> settings() {
		WebPageSettings settings = this.settings
			.orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "gatehouse.web.app-kid is not set"));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(settings);
	}

}
