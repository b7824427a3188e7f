package io.gatehouse.bench.textbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The baseline of docs/benchmarks.md: the resource server a Spring Security tutorial
 * writes. A JWT (RS256, one public key) on every request and nothing else: no app
 * signature, no CSRF token, no revocation, no rate limit, no database. Only the
 * comparison uses it; it is never deployed.
 *
 * <p>
 * {@code java -jar bench/target/gatehouse-bench-0.1.0-SNAPSHOT-textbook.jar --server.port=18081 --textbook.key-file=/tmp/textbook-bench/key.jwks}
 * <p>
 * The key file (an RSA JWK set with the private key, owner-only) is created when missing;
 * the load driver mints its bearer token with it.
 */
@SpringBootApplication
public class TextbookResourceServer {

	public static void main(String[] args) {
		// Read textbook.properties, not the server's application.yml on the same
		// classpath.
		System.setProperty("spring.config.name", "textbook");
		SpringApplication.run(TextbookResourceServer.class, args);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers("/ping").permitAll().anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	JwtDecoder jwtDecoder(@Value("${textbook.key-file:/tmp/textbook-bench/key.jwks}") Path keyFile)
			throws IOException, ParseException, JOSEException {
		return NimbusJwtDecoder.withPublicKey((RSAPublicKey) keyPair(keyFile).toPublicKey()).build();
	}

	/** The RSA key of the file, generated into it (0600) when it is missing. */
	public static RSAKey keyPair(Path keyFile) throws IOException, ParseException, JOSEException {
		if (Files.exists(keyFile)) {
			return (RSAKey) JWKSet.load(keyFile.toFile()).getKeys().get(0);
		}
		RSAKey key = new RSAKeyGenerator(2048).keyID("textbook").generate();
		Files.createDirectories(keyFile.toAbsolutePath().getParent());
		Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(keyFile, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
		return key;
	}

}
