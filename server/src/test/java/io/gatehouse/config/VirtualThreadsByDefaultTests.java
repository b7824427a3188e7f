package io.gatehouse.config;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual threads are the default from Java 24 (blocking in {@code synchronized} no
 * longer pins there), never below it, and never over what the operator set.
 */
class VirtualThreadsByDefaultTests {

	@ParameterizedTest
	@ValueSource(ints = { 24, 25, 26 })
	void onJava24AndLaterThenVirtualThreadsAreTheDefault(int release) {
		MockEnvironment environment = new MockEnvironment();
		new VirtualThreadsByDefault(release).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY)).isEqualTo("true");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.as("the default is the last source, below every other")
			.isEqualTo(VirtualThreadsByDefault.SOURCE);
	}

	@ParameterizedTest
	@ValueSource(ints = { 17, 21, 22, 23 })
	void onJava17To23ThenNothingIsAdded(int release) {
		MockEnvironment environment = new MockEnvironment();
		new VirtualThreadsByDefault(release).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY)).isNull();
		assertThat(environment.getPropertySources().contains(VirtualThreadsByDefault.SOURCE)).isFalse();
	}

	@Test
	void whenTheOperatorTurnsThemOffThenTheyStayOff() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of(VirtualThreadsByDefault.PROPERTY, "false")));
		new VirtualThreadsByDefault(25).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY)).isEqualTo("false");
	}

}
