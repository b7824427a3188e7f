package io.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.gatehouse.csrf.CsrfTokens;
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
 * The CSRF check of every authenticated {@code /api/**} request
 * ({@link CsrfTokens#isValid}: split, digit check, base64url decode, HMAC-SHA256,
 * constant-time compare), and the part of it that compiles a regular expression on each
 * call.
 *
 * <p>
 * {@code java -jar bench/target/benchmarks.jar CsrfToken -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CsrfTokenBenchmark {

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

	private static final String SID = "3q2-7wAAAAAAAAAAAAAAAA";

	private CsrfTokens tokens;

	private String token;

	private String expiry;

	@Setup
	public void setUp() {
		this.tokens = new CsrfTokens("a-csrf-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
				Duration.ofHours(2), Clock.systemUTC());
		this.token = this.tokens.issue(SID).csrfToken();
		this.expiry = this.token.split("\\.")[1];
	}

	@Benchmark
	public boolean isValid() {
		return this.tokens.isValid(SID, this.token);
	}

	/**
	 * What isValid does for the expiry: String.matches compiles the pattern each call.
	 */
	@Benchmark
	public boolean expiryDigitsStringMatches() {
		return this.expiry.matches("[0-9]{1,12}");
	}

	/** The same check with the pattern compiled once. */
	@Benchmark
	public boolean expiryDigitsPrecompiled() {
		return DIGITS.matcher(this.expiry).matches();
	}

}
