package io.gatehouse.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokenDecoderTests {

	static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	static final RSAKey KEY = SigningKeys.generate();

	static final RSAKey PREVIOUS_KEY = SigningKeys.generate();

	final RSAKey key = KEY;

	final RSAKey previousKey = PREVIOUS_KEY;

	final MutableClock clock = new MutableClock(START);

	final TokenProperties properties = new TokenProperties(TestTokens.ISSUER, TestTokens.AUDIENCE,
			Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(60), Path.of("unused"), false, 100);

	final SigningKeys keys = new SigningKeys(new JWKSet(List.of(this.key, this.previousKey)));

	final InMemoryRevokedSessionStore revocations = new InMemoryRevokedSessionStore(this.clock);

	final AccessTokenDecoder decoder = new AccessTokenDecoder(this.keys, this.properties, this.revocations, this.clock);

	final AccessTokenIssuer issuer = new AccessTokenIssuer(this.keys, this.properties, this.clock);

	@Test
	void decodeWhenIssuedByUsThenClaims() {
		String token = this.issuer.issue("bmp_kfayy_6526", "s1", "user");

		Jwt jwt = this.decoder.decode(token);

		assertThat(jwt.getSubject()).isEqualTo("bmp_kfayy_6526");
		assertThat(jwt.getClaimAsString("sid")).isEqualTo("s1");
		assertThat(jwt.getClaimAsString("scope")).isEqualTo("user");
		assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt").containsEntry("kid", this.key.getKeyID());
		assertThat(jwt.getExpiresAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
	}

	@Test
	void decodeWhenSignedByPreviousKeyThenAccepted() {
		String token = TestTokens.mint(this.previousKey, START, "s1", (h) -> {
		}, (c) -> {
		});

		assertThat(this.decoder.decode(token).getClaimAsString("sid")).isEqualTo("s1");
	}

	@Nested
	class Algorithms {

		@Test
		void decodeWhenAlgNoneThenRefused() {
			String claims = TestTokens.payload(valid());
			String token = TestTokens.b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + TestTokens.b64(claims) + ".";

			assertRefused(token);
		}

		@Test
		void decodeWhenHs256WithPublicKeyBytesThenRefused() throws Exception {
			byte[] publicKey = AccessTokenDecoderTests.this.key.toRSAPublicKey().getEncoded();
			JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
				.keyID(AccessTokenDecoderTests.this.key.getKeyID())
				.build();
			String token = TestTokens.sign(new MACSigner(publicKey), header, TestTokens.claims(START, "s1").build());

			assertRefused(token);
		}

		@Test
		void decodeWhenRs512WithOurKeyThenRefused() {
			assertRefused(mintReplacingHeader(
					(h) -> new JWSHeader.Builder(JWSAlgorithm.RS512).type(new JOSEObjectType("at+jwt"))
						.keyID(AccessTokenDecoderTests.this.key.getKeyID()),
					(c) -> {
					}));
		}

		@Test
		void decodeWhenForeignKeyWithOurKidThenRefused() {
			RSAKey foreign = new RSAKey.Builder(SigningKeys.generate())
				.keyID(AccessTokenDecoderTests.this.key.getKeyID())
				.build();

			assertRefused(TestTokens.mint(foreign, START, "s1", (h) -> {
			}, (c) -> {
			}));
		}

	}

	@Nested
	class Header {

		@Test
		void decodeWhenForeignKeyEmbeddedInJwkThenRefused() {
			RSAKey foreign = SigningKeys.generate();

			assertRefused(TestTokens.mint(foreign, START, "s1", (h) -> h.jwk(foreign.toPublicJWK()), (c) -> {
			}));
		}

		@Test
		void decodeWhenJkuHeaderThenRefusedEvenWithOurSignature() {
			assertRefused(mint((h) -> h.jwkURL(URI.create("https://attacker.example/jwks.json")), (c) -> {
			}));
		}

		@Test
		void decodeWhenX5uHeaderThenRefused() {
			assertRefused(mint((h) -> h.x509CertURL(URI.create("https://attacker.example/cert.pem")), (c) -> {
			}));
		}

		@Test
		void decodeWhenX5cHeaderThenRefused() {
			assertRefused(mint((h) -> h.x509CertChain(List.of(Base64.encode("not a certificate"))), (c) -> {
			}));
		}

		@Test
		void decodeWhenUnknownCritThenRefused() {
			assertRefused(mint((h) -> h.criticalParams(Set.of("urn:example:ext")).customParam("urn:example:ext", true),
					(c) -> {
					}));
		}

		@Test
		void decodeWhenTypJwtThenRefused() {
			assertRefused(mint((h) -> h.type(JOSEObjectType.JWT), (c) -> {
			}));
		}

		@Test
		void decodeWhenTypMissingThenRefused() {
			assertRefused(mint((h) -> h.type(null), (c) -> {
			}));
		}

		@Test
		void decodeWhenUnknownKidThenRefused() {
			assertRefused(mint((h) -> h.keyID("someone-else"), (c) -> {
			}));
		}

	}

	@Nested
	class Claims {

		@Test
		void decodeWhenWrongIssuerThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.issuer("https://attacker.example")));
		}

		@Test
		void decodeWhenWrongAudienceThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.audience("another-api")));
		}

		@Test
		void decodeWhenSidMissingThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.claim("sid", null)));
		}

		@Test
		void decodeWhenSidNotTextThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.claim("sid", 42)));
		}

		@Test
		void decodeWhenJtiMissingThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.jwtID(null)));
		}

		@Test
		void decodeWhenExpiredBeyondSkewThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.expirationTime(Date.from(START.minusSeconds(61)))));
		}

		@Test
		void decodeWhenExpiredWithinSkewThenAccepted() {
			String token = mint((h) -> {
			}, (c) -> c.expirationTime(Date.from(START.minusSeconds(30)))
				.issueTime(Date.from(START.minusSeconds(900))));

			assertThat(AccessTokenDecoderTests.this.decoder.decode(token).getSubject()).isEqualTo("bmp_kfayy_6526");
		}

		@Test
		void decodeWhenNotYetValidThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.notBeforeTime(Date.from(START.plusSeconds(120)))));
		}

		@Test
		void decodeWhenIssuedInTheFutureThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.issueTime(Date.from(START.plusSeconds(120)))));
		}

		@Test
		void decodeWhenExpiryBeforeIssueThenRefused() {
			assertRefused(mint((h) -> {
			}, (c) -> c.issueTime(Date.from(START)).expirationTime(Date.from(START.minusSeconds(1)))));
		}

		@Test
		void decodeWhenPayloadTamperedThenRefused() {
			String token = valid();
			String[] parts = token.split("\\.");
			String tampered = TestTokens.payload(token).replace("\"user\"", "\"user customers:read\"");

			assertRefused(parts[0] + "." + TestTokens.b64(tampered) + "." + parts[2]);
		}

	}

	@Nested
	class Malformed {

		@Test
		void decodeWhenGarbageThenRefused() {
			assertRefused("not-a-jwt");
			assertRefused("a.b.c");
			assertRefused("");
			assertRefused("eyJhbGciOiJSUzI1NiJ9.e30.!!!");
		}

		@Test
		void decodeWhenHugeThenRefused() {
			assertRefused("a".repeat(AccessTokenDecoder.MAX_TOKEN_LENGTH + 1));
		}

	}

	@Nested
	class CacheAndRevocation {

		@Test
		void decodeWhenSessionRevokedAfterFirstUseThenRefused() {
			String token = valid();
			AccessTokenDecoderTests.this.decoder.decode(token);

			AccessTokenDecoderTests.this.revocations.revoke("s1", START.plusSeconds(960));

			assertRefused(token);
		}

		@Test
		void decodeWhenCachedTokenExpiresThenRefused() {
			String token = valid();
			AccessTokenDecoderTests.this.decoder.decode(token);

			AccessTokenDecoderTests.this.clock.advance(Duration.ofMinutes(15).plusSeconds(61));

			assertRefused(token);
		}

		@Test
		void decodeWhenCachedTokenWithinSkewThenAccepted() {
			String token = valid();
			AccessTokenDecoderTests.this.decoder.decode(token);

			AccessTokenDecoderTests.this.clock.advance(Duration.ofMinutes(15).plusSeconds(30));

			assertThat(AccessTokenDecoderTests.this.decoder.decode(token).getSubject()).isEqualTo("bmp_kfayy_6526");
		}

		@Test
		void decodeWhenOtherSessionRevokedThenAccepted() {
			AccessTokenDecoderTests.this.revocations.revoke("other", START.plusSeconds(960));

			assertThat(AccessTokenDecoderTests.this.decoder.decode(valid()).getSubject()).isEqualTo("bmp_kfayy_6526");
		}

	}

	String valid() {
		return this.issuer.issue("bmp_kfayy_6526", "s1", "user");
	}

	String mint(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims) {
		JWSHeader.Builder h = TestTokens.header(this.key);
		header.accept(h);
		JWTClaimsSet.Builder c = TestTokens.claims(START, "s1");
		claims.accept(c);
		return TestTokens.sign(this.key, h.build(), c.build());
	}

	/** A token whose header is replaced by the one the function builds. */
	String mintReplacingHeader(Function<JWSHeader.Builder, JWSHeader.Builder> header,
			Consumer<JWTClaimsSet.Builder> claims) {
		JWSHeader.Builder h = header.apply(TestTokens.header(this.key));
		JWTClaimsSet.Builder c = TestTokens.claims(START, "s1");
		claims.accept(c);
		return TestTokens.sign(this.key, h.build(), c.build());
	}

	void assertRefused(String token) {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token));
	}

}
