package io.gatehouse.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The RSA keys of access tokens, from a JWK set file (or PEM, see {@link PemKeys}): the
 * first key signs, every key verifies and is published, so a new key can be put first
 * while the previous one still verifies the tokens it signed (nobody is logged out by a
 * rotation). When the file is missing and generation is allowed (the embedded default),
 * one key is generated and written with owner-only permissions, so tokens survive a
 * restart.
 */
@Component
final class SigningKeys {

	static final int MIN_KEY_BITS = 2048;

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final RSAKey signingKey;

	private final RSASSASigner signer;

	private final JWKSet publicKeys;

	@Autowired
	SigningKeys(TokenProperties properties) {
		this(load(properties.signingKeys(), properties.generateMissingKeys()));
	}

	SigningKeys(JWKSet keys) {
		List<RSAKey> rsaKeys = checked(keys);
		this.signingKey = rsaKeys.get(0);
		try {
			this.signer = new RSASSASigner(this.signingKey);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("The first signing key cannot sign", ex);
		}
		this.publicKeys = new JWKSet(rsaKeys.stream().map((key) -> (JWK) key.toPublicJWK()).toList());
	}

	RSASSASigner signer() {
		return this.signer;
	}

	String signingKeyId() {
		return this.signingKey.getKeyID();
	}

	/** The public halves of every key: what the JWKS publishes and the decoder trusts. */
	JWKSet publicKeys() {
		return this.publicKeys;
	}

	/**
	 * A 256-bit key for one other purpose (the HMAC of device tokens), derived from the
	 * signing key: every instance already shares it, so nothing more needs configuring.
	 * Rotating the signing key changes it too.
	 */
	byte[] derivedSecret(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.signingKey.toRSAPrivateKey().getEncoded(), "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Cannot derive a key from the signing key", ex);
		}
	}

	/** A new RSA key whose kid is its RFC 7638 thumbprint. */
	static RSAKey generate() {
		try {
			return new RSAKeyGenerator(MIN_KEY_BITS).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA key", ex);
		}
	}

	private static JWKSet load(Path file, boolean generateMissing) {
		if (!Files.exists(file)) {
			if (!generateMissing) {
				throw new IllegalStateException("Signing key file " + file
						+ " does not exist and gatehouse.tokens.generate-missing-keys is false");
			}
			return generateInto(file);
		}
		warnIfReadableByOthers(file);
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			return PemKeys.looksLikePem(text) ? PemKeys.parse(text) : JWKSet.parse(text);
		}
		catch (IOException | ParseException | GeneralSecurityException ex) {
			// The parser's message may quote the file; it holds private keys.
			throw new IllegalStateException("Signing key file " + file + " is not a readable JWK set or PEM");
		}
	}

	private static void warnIfReadableByOthers(Path file) {
		try {
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
					&& Files.getPosixFilePermissions(file)
						.stream()
						.anyMatch((p) -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
				log.warn("Signing key file {} is accessible to other users; restrict it to the owner (0600)", file);
			}
		}
		catch (IOException ex) {
			// Reading the file will report the problem.
		}
	}

	private static JWKSet generateInto(Path file) {
		RSAKey key = generate();
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			Path temporary = parent.resolve(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(temporary,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(temporary);
			}
			Files.writeString(temporary, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file);
			}
			catch (FileAlreadyExistsException ex) {
				// Another instance on the same data directory wrote one first: use its
				// key.
				Files.deleteIfExists(temporary);
				return load(file, false);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the generated signing key to " + file, ex);
		}
		log.info("Generated signing key {} into {}", key.getKeyID(), file);
		return new JWKSet(key);
	}

	private static List<RSAKey> checked(JWKSet keys) {
		if (keys.getKeys().isEmpty()) {
			throw new IllegalStateException("The signing key set is empty");
		}
		List<RSAKey> rsaKeys = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (JWK jwk : keys.getKeys()) {
			if (!(jwk instanceof RSAKey rsa) || rsa.size() < MIN_KEY_BITS) {
				throw new IllegalStateException("Signing keys must be RSA keys of at least " + MIN_KEY_BITS + " bits");
			}
			RSAKey withId = (rsa.getKeyID() != null) ? rsa : withThumbprintId(rsa);
			if (!ids.add(withId.getKeyID())) {
				throw new IllegalStateException("Two signing keys share the kid " + withId.getKeyID());
			}
			rsaKeys.add(withId);
		}
		if (!rsaKeys.get(0).isPrivate()) {
			throw new IllegalStateException("The first signing key must include its private part");
		}
		return rsaKeys;
	}

	private static RSAKey withThumbprintId(RSAKey key) {
		try {
			return new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute a key thumbprint", ex);
		}
	}

}
