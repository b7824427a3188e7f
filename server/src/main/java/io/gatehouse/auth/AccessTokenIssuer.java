package io.gatehouse.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.stereotype.Component;

/**
 * Signs RFC 9068 access tokens: header {@code typ: at+jwt}, {@code alg: RS256},
 * {@code kid}; claims iss, aud, sub, sid, jti, iat, exp and scope.
 */
@Component
final class AccessTokenIssuer {

	static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

	private final SigningKeys keys;

	private final TokenProperties properties;

	private final Clock clock;

	AccessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/** A signed access token and the seconds it lives. */
	record Issued(String token, long expiresIn) {

		@Override
		public String toString() {
			return "Issued[expiresIn=" + this.expiresIn + "]";
		}

	}

	/** A signed access token for the session, valid from now for the configured ttl. */
	String issue(String subject, String sid, String scope) {
		Instant now = this.clock.instant();
		return sign(subject, sid, scope, now, now.plus(this.properties.accessTokenTtl()));
	}

	/**
	 * A signed access token for a user session, valid for the configured ttl but never
	 * past {@code sessionEnd}, the session's absolute end.
	 */
	Issued issue(String subject, String sid, String scope, Instant sessionEnd) {
		// At the precision the session's end was stored with, so expiresIn is whole.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant exp = now.plus(this.properties.accessTokenTtl());
		if (sessionEnd.isBefore(exp)) {
			exp = sessionEnd;
		}
		return new Issued(sign(subject, sid, scope, now, exp), Duration.between(now, exp).toSeconds());
	}

	private String sign(String subject, String sid, String scope, Instant now, Instant exp) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.properties.issuer())
			.audience(this.properties.audience())
			.subject(subject)
			.claim("sid", sid)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(exp))
			.claim("scope", scope)
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(AT_JWT)
			.keyID(this.keys.signingKeyId())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(this.keys.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign an access token", ex);
		}
		return jwt.serialize();
	}

	long expiresInSeconds() {
		return this.properties.accessTokenTtl().toSeconds();
	}

}
