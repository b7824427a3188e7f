package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints access tokens the way an attacker (or a broken issuer) would: any header, any
 * claims, any key. Starts from a token our issuer would make and lets a test change one
 * thing.
 */
final class TestTokens {

	static final String ISSUER = "gatehouse";

	static final String AUDIENCE = "gatehouse-api";

	private TestTokens() {
	}

	static JWSHeader.Builder header(RSAKey key) {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID());
	}

	static JWTClaimsSet.Builder claims(Instant now, String sid) {
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject("bmp_kfayy_6526")
			.claim("sid", sid)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(900)))
			.claim("scope", "user");
	}

	static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
		try {
			return sign(new RSASSASigner(key), header, claims);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token from our key with a change to the header and claims. */
	static String mint(RSAKey key, Instant now, String sid, Consumer<JWSHeader.Builder> header,
			Consumer<JWTClaimsSet.Builder> claims) {
		JWSHeader.Builder h = header(key);
		header.accept(h);
		JWTClaimsSet.Builder c = claims(now, sid);
		claims.accept(c);
		return sign(key, h.build(), c.build());
	}

	static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	/** The decoded payload of a compact JWT, as JSON text. */
	static String payload(String jwt) {
		return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
