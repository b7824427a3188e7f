package io.gatehouse.config;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile prod logs JSON without being asked (JsonLogsProcessTests checks the switch).
 */
class ProdLoggingDefaultsTests {

	@Test
	void prodProfileWhenLoadedThenConsoleLogsAreStructured() throws IOException {
		PropertySource<?> prod = new YamlPropertySourceLoader()
			.load("prod", new ClassPathResource("application-prod.yml"))
			.get(0);

		assertThat(prod.getProperty("logging.structured.format.console")).isEqualTo("ecs");
	}

}
