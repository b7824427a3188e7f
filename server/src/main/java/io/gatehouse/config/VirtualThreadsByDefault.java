package io.gatehouse.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves requests on virtual threads on Java 24 and later, where a virtual thread that
 * blocks inside {@code synchronized} no longer pins its carrier (JEP 491); on Java 17 to
 * 23 requests stay on Tomcat's platform threads. Why, and what was measured: decision
 * 0017.
 * <p>
 * Only a default: the property source is the environment's last, so
 * {@code spring.threads.virtual.enabled} set anywhere (a profile, the command line, the
 * environment variable {@code SPRING_THREADS_VIRTUAL_ENABLED}) decides.
 */
public final class VirtualThreadsByDefault implements EnvironmentPostProcessor {

	static final String PROPERTY = "spring.threads.virtual.enabled";

	static final String SOURCE = "gatehouseVirtualThreadsByDefault";

	/**
	 * The first release on which blocking in {@code synchronized} does not pin (JEP 491).
	 */
	static final int FIRST_RELEASE = 24;

	private final int javaRelease;

	public VirtualThreadsByDefault() {
		this(Runtime.version().feature());
	}

	VirtualThreadsByDefault(int javaRelease) {
		this.javaRelease = javaRelease;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (this.javaRelease >= FIRST_RELEASE) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, "true")));
		}
	}

}
