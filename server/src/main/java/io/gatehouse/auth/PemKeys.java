package io.gatehouse.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Signing keys from PEM, for operators whose keys live in PEM files: PKCS#8
 * {@code PRIVATE KEY} blocks (convert PKCS#1 with {@code openssl pkcs8 -topk8 -nocrypt})
 * and, for retired keys that only verify, {@code PUBLIC KEY} blocks, in file order (the
 * first signs). The kid of each is its RFC 7638 thumbprint.
 */
final class PemKeys {

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN (PRIVATE KEY|PUBLIC KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private PemKeys() {
	}

	static boolean looksLikePem(String text) {
		return text.stripLeading().startsWith("-----BEGIN ");
	}

	static JWKSet parse(String pem) throws GeneralSecurityException {
		List<JWK> keys = new ArrayList<>();
		Matcher block = BLOCK.matcher(pem);
		KeyFactory rsa = KeyFactory.getInstance("RSA");
		while (block.find()) {
			byte[] der = Base64.getMimeDecoder().decode(block.group(2));
			keys.add(block.group(1).equals("PRIVATE KEY") ? privateKey(rsa, der) : publicKey(rsa, der));
		}
		if (keys.isEmpty()) {
			throw new GeneralSecurityException("No PRIVATE KEY or PUBLIC KEY block");
		}
		return new JWKSet(keys);
	}

	private static RSAKey privateKey(KeyFactory rsa, byte[] der) throws GeneralSecurityException {
		if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
			throw new GeneralSecurityException("Not an RSA CRT private key");
		}
		RSAPublicKey publicKey = (RSAPublicKey) rsa
			.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
		return build(new RSAKey.Builder(publicKey).privateKey(key));
	}

	private static RSAKey publicKey(KeyFactory rsa, byte[] der) throws GeneralSecurityException {
		return build(new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der))));
	}

	private static RSAKey build(RSAKey.Builder builder) throws GeneralSecurityException {
		try {
			return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new GeneralSecurityException("Cannot compute the key thumbprint", ex);
		}
	}

}
