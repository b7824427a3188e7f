package io.gatehouse.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start an instance of the cluster profile that would not agree with its
 * peers: every instance must sign with the same keys (one shared JWK set file, never a
 * key generated on the spot) and mint CSRF tokens with the same secret.
 */
final class ClusterConfigurationCheck {

	private ClusterConfigurationCheck() {
	}

	/**
	 * Throws with a one-line reason when the environment lacks shared keys or secrets.
	 */
	static void verify(Environment environment) {
		List<String> problems = new ArrayList<>();
		if (environment.getProperty("gatehouse.tokens.generate-missing-keys", Boolean.class, true)) {
			problems.add(
					"gatehouse.tokens.generate-missing-keys must be false (each instance would sign with its own key)");
		}
		String signingKeys = environment.getProperty("gatehouse.tokens.signing-keys");
		if (!StringUtils.hasText(signingKeys)) {
			problems.add("gatehouse.tokens.signing-keys must name the shared JWK set file");
		}
		else if (!Files.isReadable(Path.of(signingKeys))) {
			problems.add("gatehouse.tokens.signing-keys names no readable file (" + signingKeys + ")");
		}
		if (!StringUtils.hasText(environment.getProperty("gatehouse.csrf.secret"))
				&& !StringUtils.hasText(environment.getProperty("gatehouse.csrf.secret-file"))) {
			problems.add("gatehouse.csrf.secret must be set to the same base64 secret on every instance "
					+ "(or gatehouse.csrf.secret-file name a file holding it)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Profile cluster cannot start: " + String.join("; ", problems));
		}
	}

}
