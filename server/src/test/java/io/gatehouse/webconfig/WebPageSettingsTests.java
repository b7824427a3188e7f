package io.gatehouse.webconfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.gatehouse.appsig.AppSignatureProperties;
import io.gatehouse.appsig.AppSignatureProperties.App;
import io.gatehouse.appsig.AppVersion;
import io.gatehouse.appsig.Platform;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WebPageSettingsTests {

	private static final String WEB_SECRET = "a-web-secret-of-at-least-32-bytes-0001";

	private static final AppSignatureProperties APPS = new AppSignatureProperties(Duration.ofMinutes(5),
			Duration.ofSeconds(10), DataSize.ofMegabytes(32), DataSize.ofKilobytes(64),
			List.of(new App("web-2026", Platform.WEB, WEB_SECRET),
					new App("android-2026", Platform.ANDROID, "an-android-secret-of-at-least-32-bytes")),
			Map.of(Platform.WEB, AppVersion.parse("1.0.0"), Platform.ANDROID, AppVersion.parse("1.0.0"), Platform.IOS,
					AppVersion.parse("1.0.0")));

	@Test
	void resolveWhenKidNamesWebKeyThenSettingsCarryItsSecret() {
		WebPageSettings settings = WebPageSettings
			.resolve(new WebPageProperties("web-2026", "2.1.0", "https://api.example.com"), APPS)
			.orElseThrow();

		assertThat(settings)
			.isEqualTo(new WebPageSettings("https://api.example.com", "web", "2.1.0", "web-2026", WEB_SECRET));
		assertThat(settings.toString()).doesNotContain(WEB_SECRET);
	}

	@Test
	void resolveWhenKidEmptyThenNoSettings() {
		assertThat(WebPageSettings.resolve(new WebPageProperties("", "1.0.0", ""), APPS)).isEmpty();
	}

	@Test
	void resolveWhenKidUnknownThenRefusedWithOneLineReason() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WebPageSettings.resolve(new WebPageProperties("web-demo", "1.0.0", ""), APPS))
			.withMessage("gatehouse.web.app-kid 'web-demo' names no web app key of gatehouse.app-signature.apps");
	}

	@Test
	void resolveWhenKidNamesAnotherPlatformsKeyThenRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WebPageSettings.resolve(new WebPageProperties("android-2026", "1.0.0", ""), APPS))
			.withMessageContaining("names no web app key");
	}

	@Test
	void resolveWhenVersionOrApiBaseMalformedThenRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> WebPageSettings.resolve(new WebPageProperties("web-2026", "1.0", ""), APPS))
			.withMessageContaining("app-version");
		for (String apiBase : List.of("https://api.example.com/", "javascript:alert(1)", "api.example.com",
				"https://api.example.com?x=1")) {
			assertThatIllegalStateException()
				.isThrownBy(() -> WebPageSettings.resolve(new WebPageProperties("web-2026", "1.0.0", apiBase), APPS))
				.as(apiBase)
				.withMessageContaining("api-base");
		}
	}

	@Test
	void startWhenAppKidNamesNoWebKeyThenRefusesToStart() {
		new ApplicationContextRunner().withUserConfiguration(Properties.class, WebPageSettingsController.class)
			.withPropertyValues("gatehouse.app-signature.max-clock-skew=300s",
					"gatehouse.app-signature.min-clock-skew=10s", "gatehouse.app-signature.replay-memory=32MB",
					"gatehouse.app-signature.max-body-size=64KB", "gatehouse.app-signature.apps[0].kid=web-2026",
					"gatehouse.app-signature.apps[0].platform=web",
					"gatehouse.app-signature.apps[0].secret=" + WEB_SECRET,
					"gatehouse.app-signature.minimum-versions.web=1.0.0",
					"gatehouse.app-signature.minimum-versions.android=1.0.0",
					"gatehouse.app-signature.minimum-versions.ios=1.0.0", "gatehouse.web.app-kid=web-demo")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("gatehouse.web.app-kid 'web-demo' names no web app key of gatehouse.app-signature.apps"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ WebPageProperties.class, AppSignatureProperties.class })
	static class Properties {

	}

}
