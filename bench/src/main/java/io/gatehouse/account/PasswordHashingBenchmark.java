package io.gatehouse.account;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
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

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * One login's hash, Argon2id at the server's cost (m=19 MiB, t=2, p=1): Bouncy Castle's
 * Java implementation (through Spring Security's encoder, what the server used before
 * decision 0010) against the reference C implementation, libargon2, as argon2-jvm bundles
 * it. {@code matches} is what a login pays; {@code encode} what a registration pays.
 *
 * <p>
 * {@code java -jar bench/target/benchmarks.jar PasswordHashing}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class PasswordHashingBenchmark {

	private static final String PASSWORD = "Gatehouse-demo-1";

	private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(PasswordHashing.SALT_BYTES,
			PasswordHashing.HASH_BYTES, PasswordHashing.PARALLELISM, PasswordHashing.MEMORY_KIB,
			PasswordHashing.ITERATIONS);

	private final Argon2 libargon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id,
			PasswordHashing.SALT_BYTES, PasswordHashing.HASH_BYTES);

	private String stored;

	@Setup
	public void setUp() {
		this.stored = this.bouncyCastle.encode(PASSWORD);
		if (!this.libargon2.verify(this.stored, PASSWORD.toCharArray(), StandardCharsets.UTF_8)) {
			throw new IllegalStateException("libargon2 does not verify Bouncy Castle's hash");
		}
	}

	@Benchmark
	public boolean matchesBouncyCastle() {
		return this.bouncyCastle.matches(PASSWORD, this.stored);
	}

	@Benchmark
	public boolean matchesLibargon2() {
		return this.libargon2.verify(this.stored, PASSWORD.toCharArray(), StandardCharsets.UTF_8);
	}

	@Benchmark
	public String encodeBouncyCastle() {
		return this.bouncyCastle.encode(PASSWORD);
	}

	@Benchmark
	public String encodeLibargon2() {
		return this.libargon2.hash(PasswordHashing.ITERATIONS, PasswordHashing.MEMORY_KIB, PasswordHashing.PARALLELISM,
				PASSWORD.toCharArray(), StandardCharsets.UTF_8);
	}

}
