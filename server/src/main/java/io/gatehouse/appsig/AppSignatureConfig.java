package io.gatehouse.appsig;

import java.time.Clock;

import io.gatehouse.errors.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The app-signature beans. The signature filter runs only inside the security filter
 * chain: {@code RequestPipeline} places it there, never a second time as a plain servlet
 * filter.
 */
@Configuration(proxyBeanMethods = false)
class AppSignatureConfig {

	@Bean
	@Profile("!cluster")
	NonceStore nonceStore(AppSignatureProperties properties, Clock clock) {
		return new InMemoryNonceStore(properties.maxClockSkew(), properties.minClockSkew(),
				properties.replayMemory().toBytes(), clock);
	}

	@Bean
	ReplayGuardMetrics replayGuardMetrics(NonceStore nonceStore) {
		return new ReplayGuardMetrics(nonceStore);
	}

	@Bean
	AppSignatureFilter appSignatureFilter(AppSignatureProperties properties, NonceStore nonceStore, Clock clock,
			ProblemWriter problems) {
		SignatureVerifier verifier = new SignatureVerifier(properties.apps());
		return new AppSignatureFilter(new SignedRequestCheck(properties, verifier, nonceStore, clock), problems);
	}

}
