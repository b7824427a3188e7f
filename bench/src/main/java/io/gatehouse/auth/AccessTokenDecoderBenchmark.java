package io.gatehouse.auth;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.nimbusds.jose.jwk.JWKSet;
import io.gatehouse.request.RequestAttributes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The server's {@link AccessTokenDecoder} (our {@code JwtDecoder}) on a real RS256 access
 * token of its own issuer: a cache hit (what every request after a session's first pays:
 * SHA-256 lookup, clock check, revocation lookup), the same hit with the token's digest
 * already on the request (as the app-signature filter leaves it), and a miss (full Nimbus
 * parse, RS256 verify, claim checks, {@link Jwt} build). This class sits in the server's
 * package on the classpath to reach the package-private constructors.
 *
 * <p>
 * {@code java -jar bench/target/benchmarks.jar AccessTokenDecoder -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AccessTokenDecoderBenchmark {

	private AccessTokenDecoder decoder;

	private InMemoryRevokedSessionStore revocations;

	private Cache<?, ?> cacheOfDecoder;

	private String token;

	private MockHttpServletRequest request;

	@Setup
	public void setUp() throws Exception {
		Clock clock = Clock.systemUTC();
		TokenProperties properties = new TokenProperties("gatehouse", "gatehouse-api", Duration.ofMinutes(15),
				Duration.ofDays(30), Duration.ofSeconds(60), Path.of("unused.jwks"), false, 100_000);
		SigningKeys keys = new SigningKeys(new JWKSet(SigningKeys.generate()));
		this.revocations = new InMemoryRevokedSessionStore(clock);
		// A few revoked sessions, so the lookup is not on an empty map.
		for (int i = 0; i < 1000; i++) {
			this.revocations.revoke("revoked-" + i, Instant.now().plusSeconds(900));
		}
		this.decoder = new AccessTokenDecoder(keys, properties, this.revocations, clock);
		this.token = new AccessTokenIssuer(keys, properties, clock).issue("bmp_kfayy_6526", "3q2-7wAAAAAAAAAAAAAAAA",
				"user");
		this.cacheOfDecoder = caffeineOf(this.decoder);
		this.request = new MockHttpServletRequest("GET", "/api/customers/check-username/bmp_kfayy_6526");
		this.request.setAttribute(RequestAttributes.ACCESS_TOKEN_DIGEST, AccessTokenDigest.of(this.token));
	}

	/** The decoder's Caffeine cache, to empty it before each miss. */
	private static Cache<?, ?> caffeineOf(AccessTokenDecoder decoder) throws ReflectiveOperationException {
		Field cacheField = AccessTokenDecoder.class.getDeclaredField("cache");
		cacheField.setAccessible(true);
		Object verified = cacheField.get(decoder);
		Field tokens = VerifiedTokenCache.class.getDeclaredField("tokens");
		tokens.setAccessible(true);
		return (Cache<?, ?>) tokens.get(verified);
	}

	@Setup(Level.Iteration)
	public void bindRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request));
	}

	@TearDown(Level.Iteration)
	public void unbindRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	/** A hit, the token's SHA-256 already on the request (the server's real path). */
	@Benchmark
	public Jwt decodeCacheHit() {
		return this.decoder.decode(this.token);
	}

	/** A hit without a request: the decoder hashes the token itself. */
	@Benchmark
	public Jwt decodeCacheHitHashing() {
		RequestContextHolder.resetRequestAttributes();
		try {
			return this.decoder.decode(this.token);
		}
		finally {
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(this.request));
		}
	}

	/** A miss: the cache is emptied first (a Caffeine invalidateAll, well under 1 µs). */
	@Benchmark
	public Jwt decodeCacheMiss() {
		this.cacheOfDecoder.invalidateAll();
		return this.decoder.decode(this.token);
	}

	/** The revocation lookup done on every request, hit or miss. */
	@Benchmark
	public boolean revocationLookup() {
		return this.revocations.isRevoked("3q2-7wAAAAAAAAAAAAAAAA");
	}

}
