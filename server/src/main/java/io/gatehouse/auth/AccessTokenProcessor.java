package io.gatehouse.auth;

import java.time.Clock;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Builds the Nimbus processor for access tokens: RS256 only, over our own public keys,
 * {@code typ} at+jwt (RFC 9068 §4), our issuer and audience, the required claims, and
 * exp, nbf and iat checked against the application clock with the configured skew.
 */
final class AccessTokenProcessor {

	static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "aud", "sub", "sid", "jti", "exp", "iat");

	private AccessTokenProcessor() {
	}

	static ConfigurableJWTProcessor<SecurityContext> create(JWKSet publicKeys, TokenProperties properties,
			Clock clock) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AccessTokenIssuer.AT_JWT,
				new JOSEObjectType("application/at+jwt")));
		processor
			.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(publicKeys)));
		ClaimsVerifier claims = new ClaimsVerifier(properties, clock);
		claims.setMaxClockSkew((int) properties.clockSkew().toSeconds());
		processor.setJWTClaimsSetVerifier(claims);
		return processor;
	}

	/** Nimbus's verifier, on our clock, plus the checks it does not make. */
	static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

		private final Clock clock;

		ClaimsVerifier(TokenProperties properties, Clock clock) {
			super(Set.of(properties.audience()), new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
					REQUIRED_CLAIMS, Set.of());
			this.clock = clock;
		}

		@Override
		protected Date currentTime() {
			return Date.from(this.clock.instant());
		}

		@Override
		public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
			super.verify(claims, context);
			Date now = currentTime();
			long skewMillis = getMaxClockSkew() * 1000L;
			if (claims.getIssueTime().getTime() > now.getTime() + skewMillis) {
				throw new BadJWTException("Issued in the future");
			}
			if (!claims.getIssueTime().before(claims.getExpirationTime())) {
				throw new BadJWTException("Expires before it was issued");
			}
			if (!(claims.getClaim("sid") instanceof String sid) || sid.isEmpty()
					|| (claims.getClaim("scope") != null && !(claims.getClaim("scope") instanceof String))) {
				throw new BadJWTException("Malformed sid or scope");
			}
		}

	}

}
