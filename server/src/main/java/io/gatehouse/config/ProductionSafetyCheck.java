package io.gatehouse.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the {@code prod} profile with anything the embedded default ships for
 * convenience: a demo app key or {@code kid} (docs/contract.md §6, public in the README),
 * demo data turned on, or a signing key the server would generate itself. It runs before
 * any bean is created, so nothing is seeded, generated or served first. Demo accounts
 * already in the database are refused later, once the database is reachable
 * ({@code account/DemoAccountsCheck}).
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

	static final Set<String> DEMO_APP_SECRETS = Set.of("gatehouse-demo-web-key-change-me",
			"gatehouse-demo-android-key-change-me", "gatehouse-demo-ios-key-change-me");

	static final Set<String> DEMO_KIDS = Set.of("web-demo", "android-demo", "ios-demo");

	record AppKey(String kid, String platform, String secret) {
	}

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> problems = problems(this.environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start with profile prod: " + String.join("; ", problems));
		}
	}

	static List<String> problems(Environment environment) {
		Binder binder = Binder.get(environment);
		List<String> problems = new ArrayList<>();
		for (AppKey app : binder.bind("gatehouse.app-signature.apps", Bindable.listOf(AppKey.class))
			.orElse(List.of())) {
			if (DEMO_APP_SECRETS.contains(app.secret())) {
				problems.add("app key " + app.kid() + " uses a demo secret");
			}
			// A new secret under a demo kid is still the demo app to every client, script
			// and document built for the embedded default: a production key has its own.
			if (DEMO_KIDS.contains(app.kid())) {
				problems.add("app key " + app.kid() + " uses a demo kid (docs/contract.md §6)");
			}
		}
		if (binder.bind("gatehouse.demo-data", Boolean.class).orElse(false)) {
			problems.add("gatehouse.demo-data must be false");
		}
		if (binder.bind("gatehouse.tokens.generate-missing-keys", Boolean.class).orElse(false)) {
			problems.add("gatehouse.tokens.generate-missing-keys must be false (provide signing keys)");
		}
		return problems;
	}

}
