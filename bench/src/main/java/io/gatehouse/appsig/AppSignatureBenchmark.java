package io.gatehouse.appsig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.auth.AccessTokenDigest;
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

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/**
 * The app-signature check of every {@code /api/**} request (docs/contract.md §1 steps 1
 * and 2), through the server's own package-private classes (this class sits in their
 * package on the classpath). The payload is the shared vector's check-username request
 * with a bearer token of a real token's length. Run with {@code -prof gc} to see the
 * bytes allocated per call.
 *
 * <p>
 * {@code java -jar bench/target/benchmarks.jar AppSignature -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AppSignatureBenchmark {

	static final String SECRET = "gatehouse-demo-web-key-change-me";

	static final String PATH = "/api/customers/check-username/bmp_kfayy_6526";

	/**
	 * A compact RS256 access token is about this long (header, nine claims, 256-byte
	 * MAC).
	 */
	static final int TOKEN_LENGTH = 740;

	static final long REPLAY_EPOCH = 1764000000000L;

	private final AtomicLong counter = new AtomicLong();

	private SignatureVerifier verifier;

	private SignedPayloadParser parser;

	private SignedRequestCheck check;

	private InMemoryNonceStore nonces;

	private MockHttpServletRequest request;

	private String payload;

	private String signature;

	private SecretKeySpec key;

	private Mac reusedMac;

	@Setup
	public void setUp() throws Exception {
		long ts = 1764000000000L;
		Clock clock = Clock.fixed(Instant.ofEpochMilli(ts), ZoneOffset.UTC);
		AppSignatureProperties properties = new AppSignatureProperties(Duration.ofSeconds(300), Duration.ofSeconds(10),
				DataSize.ofMegabytes(32), DataSize.ofKilobytes(64),
				List.of(new AppSignatureProperties.App("web-demo", Platform.WEB, SECRET)),
				Map.of(Platform.WEB, AppVersion.parse("1.0.0"), Platform.ANDROID, AppVersion.parse("1.0.0"),
						Platform.IOS, AppVersion.parse("1.0.0")));
		this.verifier = new SignatureVerifier(properties.apps());
		this.parser = new SignedPayloadParser();
		// The replay store is measured on its own (nonceFirstUse): here every nonce is
		// new.
		this.check = new SignedRequestCheck(properties, this.verifier, new NonceStore() {
			@Override
			public Use firstUse(String kid, String nonce, long ts) {
				return Use.FIRST;
			}

			@Override
			public ReplayState state() {
				return new ReplayState(0, 0, 0, 0);
			}
		}, clock);
		// A short ttl keeps the store's size steady during a long run; the cost per call
		// is the same map and queue work as with 600 s.
		this.nonces = new InMemoryNonceStore(Duration.ofSeconds(300), Duration.ofSeconds(10),
				DataSize.ofMegabytes(32).toBytes(), new CallClock(this.counter));

		String token = "eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJSUzI1NiJ9." + "a".repeat(TOKEN_LENGTH - 41 - 343) + "."
				+ "s".repeat(342);
		String ath = AccessTokenDigest.of(token).sha256Base64Url();
		String json = "{\"kid\":\"web-demo\",\"ts\":" + ts + ",\"nonce\":\"AAECAwQFBgcICQoLDA0ODw\",\"method\":\"GET\","
				+ "\"path\":\"" + PATH + "\",\"bodySha256\":\"" + BodyReader.EMPTY_SHA256 + "\",\"ath\":\"" + ath
				+ "\"}";
		this.payload = Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
		this.key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		this.reusedMac = Mac.getInstance("HmacSHA256");
		this.reusedMac.init(this.key);
		this.signature = Base64Url.encode(this.reusedMac.doFinal(this.payload.getBytes(StandardCharsets.ISO_8859_1)));

		// A GET as Tomcat presents it: no Content-Length (-1), an empty stream.
		this.request = new MockHttpServletRequest("GET", PATH);
		this.request.addHeader("x-platform", "web");
		this.request.addHeader("x-app-version", "1.4.0");
		this.request.addHeader("x-app-payload", this.payload);
		this.request.addHeader("x-app-signature", this.signature);
		this.request.addHeader("Authorization", "Bearer " + token);
	}

	/** Base64url decode and streaming JSON parse of {@code x-app-payload}. */
	@Benchmark
	public SignedPayload parsePayload() {
		return this.parser.parse(this.payload);
	}

	/** Parse, HMAC-SHA256 and constant-time compare: SignatureVerifier.verify. */
	@Benchmark
	public SignedPayload verifySignature() {
		return this.verifier.verify(Platform.WEB, this.payload, this.signature);
	}

	/**
	 * The whole of SignedRequestCheck on a GET with a bearer token: headers, verify, body
	 * read and hash, binding (incl. the token's SHA-256 for ath), time; nonce store
	 * excluded.
	 */
	@Benchmark
	public Object checkRequest() {
		return this.check.check(this.request);
	}

	/**
	 * The embedded replay guard with a new nonce each call, its ts anywhere in the ±300 s
	 * window, at 20,000 requests per simulated second (each call moves the store's clock
	 * 50 µs): the 32 MB bound is reached and the window narrows, so drops and sweeps are
	 * in the figure. Run with {@code -t 4} for contention.
	 */
	@Benchmark
	public NonceStore.Use nonceFirstUse() {
		long call = this.counter.incrementAndGet();
		long now = REPLAY_EPOCH + call / 20;
		long ts = now - 300_000 + Math.floorMod(call * 0x9E3779B97F4A7C15L, 600_001L);
		return this.nonces.firstUse("web-demo", "AAECAwQFBgcICQoLDA0O" + call, ts);
	}

	/** The body step alone for a GET without Content-Length, as Tomcat presents one. */
	@Benchmark
	public Object readEmptyGetBody() throws Exception {
		return BodyReader.read(this.request.getInputStream(), this.request.getContentLengthLong(), 65536);
	}

	/** The HMAC as the server does it: a new Mac looked up and keyed on every request. */
	@Benchmark
	public byte[] hmacNewMacEachCall() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(this.key);
		return mac.doFinal(this.payload.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** The same HMAC on a Mac keyed once (what a per-thread or cloned Mac would cost). */
	@Benchmark
	public byte[] hmacReusedMac() {
		return this.reusedMac.doFinal(this.payload.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** SHA-256 of an access token: the ath digest, done once per request. */
	@Benchmark
	public byte[] sha256OfToken() throws Exception {
		return MessageDigest.getInstance("SHA-256")
			.digest(this.request.getHeader("Authorization").getBytes(StandardCharsets.UTF_8));
	}

	/** The replay guard's time: 50 µs per call of {@link #nonceFirstUse()}. */
	static final class CallClock extends Clock {

		private final AtomicLong calls;

		CallClock(AtomicLong calls) {
			this.calls = calls;
		}

		@Override
		public long millis() {
			return REPLAY_EPOCH + this.calls.get() / 20;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
