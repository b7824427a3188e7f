package io.gatehouse.csrf;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CSRF bean built from a secret. The filter (a scanned component) runs inside the
 * security chain only; {@code RequestPipeline} places it there and keeps Boot from also
 * adding it to the servlet container's chain, where it would run before authentication.
 */
@Configuration(proxyBeanMethods = false)
class CsrfConfig {

	/**
	 * Instances behind one load balancer must share the key, so a generated one won't do:
	 * the cluster profile sets {@code gatehouse.csrf.require-shared-secret}.
	 */
	@Bean
	CsrfTokens csrfTokens(CsrfProperties properties, @Value("${gatehouse.data-dir}") Path dataDir, Clock clock) {
		byte[] secret = CsrfSecret.resolve(properties.secret(), properties.secretFile(), dataDir,
				properties.requireSharedSecret());
		return new CsrfTokens(secret, CsrfSecret.previous(properties.previousSecrets()), properties.ttl(), clock);
	}

}
