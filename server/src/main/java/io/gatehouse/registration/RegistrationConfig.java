package io.gatehouse.registration;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registration beans that need a choice: the bundled common-password list when
 * {@code gatehouse.registration.refuse-common-passwords} asks for it.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationConfig {

	@Bean
	RegistrationRules registrationRules(RegistrationProperties properties) {
		return new RegistrationRules(
				properties.refuseCommonPasswords() ? CommonPasswords.bundled() : new CommonPasswords(Set.of()));
	}

}
