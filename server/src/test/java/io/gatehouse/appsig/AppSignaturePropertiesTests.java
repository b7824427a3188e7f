package io.gatehouse.appsig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AppSignaturePropertiesTests {

	private static final Map<Platform, AppVersion> MINIMUMS = Map.of(Platform.WEB, AppVersion.valueOf("1.0.0"),
			Platform.ANDROID, AppVersion.valueOf("1.0.0"), Platform.IOS, AppVersion.valueOf("1.0.0"));

	@Test
	void bindWhenEmbeddedDefaultThenEveryAppAndMinimum() {
		Map<String, String> source = Map.ofEntries(Map.entry("a.max-clock-skew", "300s"),
				Map.entry("a.min-clock-skew", "10s"), Map.entry("a.replay-memory", "32MB"),
				Map.entry("a.max-body-size", "64KB"), Map.entry("a.apps[0].kid", "web-demo"),
				Map.entry("a.apps[0].platform", "web"),
				Map.entry("a.apps[0].secret", "gatehouse-demo-web-key-change-me"),
				Map.entry("a.minimum-versions.web", "1.2.3"), Map.entry("a.minimum-versions.android", "1.0.0"),
				Map.entry("a.minimum-versions.ios", "1.0.0"));
		AppSignatureProperties properties = new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("a",
				AppSignatureProperties.class);
		assertThat(properties.apps()).singleElement().satisfies((app) -> {
			assertThat(app.platform()).isEqualTo(Platform.WEB);
			assertThat(app.toString()).doesNotContain("gatehouse-demo-web-key-change-me");
		});
		assertThat(properties.minimumVersions()).containsEntry(Platform.WEB, new AppVersion(1, 2, 3));
		assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
		assertThat(properties.replayMemory()).isEqualTo(DataSize.ofMegabytes(32));
	}

	@Test
	void bindWhenVersionMalformedThenRefusesToStart() {
		Map<String, String> source = Map.of("a.minimum-versions.web", "1.0", "a.minimum-versions.android", "1.0.0",
				"a.minimum-versions.ios", "1.0.0");
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("a",
					AppSignatureProperties.class))
			.havingRootCause()
			.withMessageContaining("Not a MAJOR.MINOR.PATCH version");
	}

	@Test
	void newWhenSecretShorterThan32BytesThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AppSignatureProperties.App("web-demo", Platform.WEB, "x".repeat(31)));
		assertThat(new AppSignatureProperties.App("web-demo", Platform.WEB, "x".repeat(32)).secret()).hasSize(32);
	}

	@Test
	void newWhenKidTwiceThenRefused() {
		List<AppSignatureProperties.App> apps = List.of(
				new AppSignatureProperties.App("k", Platform.WEB, "x".repeat(32)),
				new AppSignatureProperties.App("k", Platform.IOS, "y".repeat(32)));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(apps, MINIMUMS, Duration.ofSeconds(10)));
	}

	@Test
	void newWhenPlatformWithoutMinimumThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(SignatureVerifierTests.DEMO_APPS,
				Map.of(Platform.WEB, AppVersion.valueOf("1.0.0")), Duration.ofSeconds(10)));
	}

	@Test
	void newWhenMinClockSkewBelowTwoSecondsOrAboveTheMaximumThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(SignatureVerifierTests.DEMO_APPS, MINIMUMS, Duration.ofMillis(1999)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(SignatureVerifierTests.DEMO_APPS, MINIMUMS, Duration.ofSeconds(301)));
		assertThat(properties(SignatureVerifierTests.DEMO_APPS, MINIMUMS, Duration.ofSeconds(2)).minClockSkew())
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void newWhenReplayMemoryBelowOneMegabyteThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AppSignatureProperties(Duration.ofSeconds(300), Duration.ofSeconds(10),
					DataSize.ofKilobytes(1023), DataSize.ofKilobytes(64), SignatureVerifierTests.DEMO_APPS, MINIMUMS));
	}

	private static AppSignatureProperties properties(List<AppSignatureProperties.App> apps,
			Map<Platform, AppVersion> minimums, Duration minClockSkew) {
		return new AppSignatureProperties(Duration.ofSeconds(300), minClockSkew, DataSize.ofMegabytes(32),
				DataSize.ofKilobytes(64), apps, minimums);
	}

}
