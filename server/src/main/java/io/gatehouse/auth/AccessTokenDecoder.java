package io.gatehouse.auth;

import java.text.ParseException;
import java.time.Clock;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.stereotype.Component;

/**
 * The resource server's {@link JwtDecoder}: verifies our own RS256 access tokens only
 * (RFC 8725), remembers verified ones by their SHA-256, and refuses a token of a revoked
 * session on every call. Every refusal is a {@link BadJwtException}, which Spring answers
 * as 401 {@code invalid-token}; the reason goes no further than the log.
 */
@Component
final class AccessTokenDecoder implements JwtDecoder {

	/** Far above any token we issue; refuse before parsing anything larger. */
	static final int MAX_TOKEN_LENGTH = 8 * 1024;

	private final ConfigurableJWTProcessor<SecurityContext> processor;

	private final VerifiedTokenCache cache;

	private final RevokedSessionStore revocations;

	private final Converter<Map<String, Object>, Map<String, Object>> claimConverter = MappedJwtClaimSetConverter
		.withDefaults(Map.of());

	AccessTokenDecoder(SigningKeys keys, TokenProperties properties, RevokedSessionStore revocations, Clock clock) {
		this.processor = AccessTokenProcessor.create(keys.publicKeys(), properties, clock);
		this.cache = new VerifiedTokenCache(properties.verifiedTokenCacheSize(), clock);
		this.revocations = revocations;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw new BadJwtException("Malformed access token");
		}
		String key = AccessTokenDigest.forCurrentRequest(token).sha256Base64Url();
		Jwt jwt = this.cache.get(key);
		if (jwt == null || !jwt.getTokenValue().equals(token)) {
			jwt = verify(token);
			this.cache.put(key, jwt);
		}
		if (this.revocations.isRevoked(Caller.stringClaim(jwt, "sid"))) {
			throw new BadJwtException("Session revoked");
		}
		return jwt;
	}

	private Jwt verify(String token) {
		try {
			SignedJWT signed = SignedJWT.parse(token);
			refuseKeysNamedByToken(signed.getHeader());
			JWTClaimsSet claims = this.processor.process(signed, null);
			Map<String, Object> converted = this.claimConverter.convert(claims.getClaims());
			return Jwt.withTokenValue(token)
				.headers((headers) -> headers.putAll(signed.getHeader().toJSONObject()))
				.claims((all) -> all.putAll(converted))
				.build();
		}
		catch (ParseException | BadJOSEException | JOSEException ex) {
			throw new BadJwtException("Access token refused: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// Malformed input deep inside the parser (bad base64, odd JSON, iat after
			// exp).
			throw new BadJwtException("Access token refused: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * A token may not tell us which key to trust (RFC 8725 §3.10), and we understand no
	 * critical extension, so any {@code crit} is unknown.
	 */
	private static void refuseKeysNamedByToken(JWSHeader header) {
		if (header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
				|| header.getX509CertChain() != null) {
			throw new BadJwtException("Access token names its own key");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw new BadJwtException("Access token has critical header parameters");
		}
	}

}
