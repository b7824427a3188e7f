package io.gatehouse.auth;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

	@Test
	void ofWhenOurTokensClaimsThenSubjectSessionAndScopes() {
		Jwt jwt = token().subject("alice").claim("sid", "s-1").claim("scope", "customers:read profile").build();

		assertThat(Caller.of(jwt)).isEqualTo(new Caller("alice", "s-1", List.of("customers:read", "profile")));
	}

	@Test
	void ofWhenNoScopeThenNoScopes() {
		Jwt jwt = token().subject("alice").claim("sid", "s-1").build();

		assertThat(Caller.of(jwt).scopes()).isEmpty();
	}

	@Test
	void stringClaimWhenNotAStringThenConvertedAsGetClaimAsStringDoes() {
		Jwt jwt = token().subject("alice").claim("sid", 42L).claim("scope", List.of("a", "b")).build();

		assertThat(Caller.stringClaim(jwt, "sid")).isEqualTo("42").isEqualTo(jwt.getClaimAsString("sid"));
		assertThat(Caller.stringClaim(jwt, "scope")).isEqualTo(jwt.getClaimAsString("scope"));
		assertThat(Caller.stringClaim(jwt, "absent")).isNull();
	}

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.EPOCH);
	}

}
