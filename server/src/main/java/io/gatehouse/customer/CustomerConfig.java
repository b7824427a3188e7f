package io.gatehouse.customer;

import java.util.Optional;
import java.util.Set;

import io.gatehouse.errors.ProblemWriter;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The customer feature's beans that need a choice: Stripe only with a key (a test
 * replaces the bean with a recorded fake), the bundled common-password list when
 * {@code gatehouse.registration.refuse-common-passwords} asks for it.
 */
@Configuration(proxyBeanMethods = false)
class CustomerConfig {

	@Bean
	StripeCustomers stripeCustomers(StripeProperties properties, JsonMapper json) {
		if (!properties.configured()) {
			return (account) -> Optional.empty();
		}
		return new StripeApiCustomers(properties, json);
	}

	@Bean
	RequestRejectedHandler firewallProblems(ProblemWriter problems) {
		return new FirewallProblems(problems);
	}

	/**
	 * Swaps Tomcat's error report valve (Boot adds one that writes terse HTML) for ours,
	 * once the host's pipeline is complete, just before the application starts.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblems(ProblemWriter problems) {
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				Pipeline pipeline = context.getParent().getPipeline();
				for (Valve valve : pipeline.getValves()) {
					if (valve instanceof ErrorReportValve) {
						pipeline.removeValve(valve);
					}
				}
				pipeline.addValve(new ContainerProblemValve(problems));
			}
		}));
	}

	@Bean
	RegistrationRules registrationRules(RegistrationProperties properties) {
		return new RegistrationRules(
				properties.refuseCommonPasswords() ? CommonPasswords.bundled() : new CommonPasswords(Set.of()));
	}

}
