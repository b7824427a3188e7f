package io.gatehouse.bench;

import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of signing and verifying an access token with RS256 and ES256, which chose the
 * algorithm (docs/decisions/0001). Run:
 * {@code ./mvnw -q -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar TokenVerification}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TokenVerificationBenchmark {

	private JWTClaimsSet claims;

	private JWSSigner rsaSigner;

	private JWSVerifier rsaVerifier;

	private JWSSigner ecSigner;

	private JWSVerifier ecVerifier;

	private SignedJWT rsaToken;

	private SignedJWT ecToken;

	@Setup
	public void setUp() throws Exception {
		this.claims = new JWTClaimsSet.Builder().issuer("gatehouse")
			.audience("gatehouse-api")
			.subject("bmp_kfayy_6526")
			.claim("sid", "3q2-7wAAAAAAAAAAAAAAAA")
			.jwtID("jti-1")
			.issueTime(new Date())
			.expirationTime(new Date(System.currentTimeMillis() + 900_000))
			.claim("scope", "user")
			.build();
		RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
		ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
		this.rsaSigner = new RSASSASigner(rsa);
		this.rsaVerifier = new RSASSAVerifier(rsa.toPublicJWK());
		this.ecSigner = new ECDSASigner(ec);
		this.ecVerifier = new ECDSAVerifier(ec.toPublicJWK());
		this.rsaToken = sign(JWSAlgorithm.RS256, "rsa", this.rsaSigner);
		this.ecToken = sign(JWSAlgorithm.ES256, "ec", this.ecSigner);
	}

	private SignedJWT sign(JWSAlgorithm algorithm, String kid, JWSSigner signer) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(algorithm).type(new JOSEObjectType("at+jwt")).keyID(kid).build(), this.claims);
		jwt.sign(signer);
		return SignedJWT.parse(jwt.serialize());
	}

	@Benchmark
	public boolean rs256Verify() throws Exception {
		return this.rsaToken.verify(this.rsaVerifier);
	}

	@Benchmark
	public boolean es256Verify() throws Exception {
		return this.ecToken.verify(this.ecVerifier);
	}

	@Benchmark
	public String rs256Sign() throws Exception {
		return sign(JWSAlgorithm.RS256, "rsa", this.rsaSigner).serialize();
	}

	@Benchmark
	public String es256Sign() throws Exception {
		return sign(JWSAlgorithm.ES256, "ec", this.ecSigner).serialize();
	}

}
