package io.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.client.GatehouseClient;
import io.gatehouse.client.GatehouseException;
import io.gatehouse.client.Platform;
import io.gatehouse.client.TokenStore;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The flood of issue 12: anonymous, validly signed requests (the public web demo key) at
 * full speed from 65,536 forwarded addresses, each with a fresh nonce and a {@code ts}
 * anywhere in the ±300 s window (the most replay memory an attacker can make the server
 * hold), while an honest client on its own address checks usernames as a user (4 a
 * second) and as a guest (one every 2.5 s), inside its rate limits. Every 10 s it prints
 * the attack's answers, the honest success rate, and the server's replay gauges (accepted
 * window, memory, bytes per nonce) and heap; at the end the heap after a full GC (jcmd).
 * Start the server with {@code --gatehouse.trusted-proxies=127.0.0.1/32}. Sends to
 * 127.0.0.1 only, and stops at {@code --seconds} or {@code --max-requests}.
 *
 * <p>
 * {@code java -cp bench/target/benchmarks.jar io.gatehouse.bench.Flood --help}
 */
@Command(name = "flood", mixinStandardHelpOptions = true,
		description = "Bounded signed-request flood against 127.0.0.1 only; see docs/benchmarks.md.")
public final class Flood implements Callable<Integer> {

	static final int MAX_SECONDS = 900;

	static final long MAX_REQUESTS = 50_000_000;

	private static final String WEB_SECRET = "gatehouse-demo-web-key-change-me";

	private static final String EMPTY_SHA256 = "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	@Option(names = "--url", required = true, description = "http://127.0.0.1:PORT (no other host is accepted)")
	String url;

	@Option(names = "--seconds", defaultValue = "180", description = "how long, at most 900")
	int seconds;

	@Option(names = "--max-requests", defaultValue = "20000000", description = "attack requests, at most 50000000")
	long maxRequests;

	@Option(names = "--threads", defaultValue = "16", description = "attacking callers, at most 64")
	int threads;

	@Option(names = "--addresses", defaultValue = "65536", description = "forwarded addresses, at most 65536")
	int addresses;

	@Option(names = "--user", defaultValue = "bmp_kfayy_6526", description = "the honest user")
	String user;

	@Option(names = "--server-pid", description = "the server's pid, for jcmd GC.heap_info at the end")
	Long serverPid;

	private final Map<String, LongAdder> attackAnswers = new ConcurrentHashMap<>();

	private final LongAdder honestOk = new LongAdder();

	private final LongAdder honestTotal = new LongAdder();

	private final Map<String, LongAdder> honestFailures = new ConcurrentHashMap<>();

	public static void main(String[] args) {
		CommandLine command = new CommandLine(new Flood()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
			if (!(ex instanceof IllegalArgumentException)) {
				throw ex;
			}
			cmd.getErr().println(ex.getMessage());
			return 2;
		});
		System.exit(command.execute(args));
	}

	@Override
	public Integer call() throws Exception {
		URI base = LoadDriver.checkedUrl(this.url);
		check(this.seconds, 1, MAX_SECONDS, "--seconds");
		check(this.threads, 1, 64, "--threads");
		check(this.addresses, 1, 65_536, "--addresses");
		if (this.maxRequests < 1 || this.maxRequests > MAX_REQUESTS) {
			throw new IllegalArgumentException("--max-requests must lie between 1 and " + MAX_REQUESTS);
		}
		OkHttpClient http = new OkHttpClient.Builder()
			.connectionPool(new ConnectionPool(this.threads + 4, 1, TimeUnit.MINUTES))
			.dispatcher(new Dispatcher())
			.callTimeout(Duration.ofSeconds(10))
			.build();
		GatehouseClient asUser = honestClient(base);
		asUser.login(this.user, System.getenv().getOrDefault("GATEHOUSE_PASSWORD", "Gatehouse-demo-1").toCharArray());
		GatehouseClient asGuest = honestClient(base);
		asGuest.guest();

		long started = System.nanoTime();
		long deadline = started + TimeUnit.SECONDS.toNanos(this.seconds);
		AtomicLong issued = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < this.threads; t++) {
			workers.add(start("attack-" + t, () -> attack(http, base, issued, deadline)));
		}
		workers.add(start("honest-user", () -> honest(asUser, this.user, 250, deadline)));
		workers.add(start("honest-guest", () -> honest(asGuest, "fully_active", 2500, deadline)));

		System.out.println("t_s attack_rps attack_answers honest_ok/total window_before_s window_after_s"
				+ " replay_nonces replay_bytes bytes_per_nonce heap_used_mb");
		long lastCount = 0;
		long lastAt = started;
		while (System.nanoTime() < deadline && issued.get() < this.maxRequests) {
			Thread.sleep(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
			long now = System.nanoTime();
			long count = total(this.attackAnswers);
			Map<String, Double> metrics = metrics(http, base);
			double nonces = metrics.getOrDefault("gatehouse_replay_nonces", 0.0);
			double bytes = metrics.getOrDefault("gatehouse_replay_memory_bytes", 0.0);
			System.out.printf(Locale.ROOT, "%.0f %.0f %s %d/%d %.0f %.0f %.0f %.0f %.1f %.0f%n", (now - started) / 1e9,
					(count - lastCount) / ((now - lastAt) / 1e9), snapshot(this.attackAnswers), this.honestOk.sum(),
					this.honestTotal.sum(), metrics.getOrDefault("gatehouse_replay_window_before_seconds", -1.0),
					metrics.getOrDefault("gatehouse_replay_window_after_seconds", -1.0), nonces, bytes,
					(nonces > 0) ? bytes / nonces : 0, metrics.getOrDefault("heap_used", 0.0) / 1048576);
			lastCount = count;
			lastAt = now;
		}
		for (Thread worker : workers) {
			worker.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long honestAll = this.honestTotal.sum();
		System.out.printf(Locale.ROOT, "attack: %d requests in %.0f s (%.0f req/s), answers %s%n",
				total(this.attackAnswers), elapsed, total(this.attackAnswers) / elapsed, snapshot(this.attackAnswers));
		System.out.printf(Locale.ROOT, "honest: %d of %d username checks answered 200 (%.2f %%), failures %s%n",
				this.honestOk.sum(), honestAll, (honestAll > 0) ? 100.0 * this.honestOk.sum() / honestAll : 0,
				snapshot(this.honestFailures));
		afterTheFlood(base);
		if (this.serverPid != null) {
			System.out.println("heap after a full GC (jcmd GC.heap_info):");
			System.out.println(jcmd("GC.run").isEmpty() ? "" : jcmd("GC.heap_info"));
		}
		System.out.println("load_average=" + Files.readString(Path.of("/proc/loadavg")).trim());
		asUser.close();
		asGuest.close();
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
		return 0;
	}

	/** A fresh login and check the moment the flood stops: everything works at once. */
	private void afterTheFlood(URI base) {
		try (GatehouseClient client = honestClient(base)) {
			long start = System.nanoTime();
			client.login(this.user,
					System.getenv().getOrDefault("GATEHOUSE_PASSWORD", "Gatehouse-demo-1").toCharArray());
			boolean exists = client.checkUsername(this.user).exists();
			System.out.printf(Locale.ROOT, "after the flood: login and check %s in %.0f ms%n",
					exists ? "answered" : "WRONG", (System.nanoTime() - start) / 1e6);
		}
		catch (RuntimeException ex) {
			System.out.println("after the flood: FAILED " + ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
	}

	private void attack(OkHttpClient http, URI base, AtomicLong issued, long deadline) {
		Mac mac = hmac();
		SecureRandom random = new SecureRandom();
		byte[] nonce = new byte[16];
		String path = "/api/customers/check-username/flood_user";
		while (System.nanoTime() < deadline) {
			long n = issued.getAndIncrement();
			if (n >= this.maxRequests) {
				return;
			}
			random.nextBytes(nonce);
			long ts = System.currentTimeMillis() - 299_000 + ThreadLocalRandom.current().nextLong(598_001);
			String json = "{\"kid\":\"web-demo\",\"ts\":" + ts + ",\"nonce\":\"" + B64.encodeToString(nonce)
					+ "\",\"method\":\"GET\",\"path\":\"" + path + "\",\"bodySha256\":\"" + EMPTY_SHA256 + "\"}";
			String payload = B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
			String signature = B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
			int address = (int) (n % this.addresses);
			Request request = new Request.Builder().url(base.resolve(path).toString())
				.header("x-platform", "web")
				.header("x-app-version", "1.4.0")
				.header("x-app-payload", payload)
				.header("x-app-signature", signature)
				.header("X-Forwarded-For", "100.64." + (address >> 8) + "." + (address & 0xff))
				.build();
			String answer;
			try (Response response = http.newCall(request).execute()) {
				String body = response.body().string();
				answer = response.code() + codeOf(body);
			}
			catch (IOException ex) {
				answer = ex.getClass().getSimpleName();
			}
			this.attackAnswers.computeIfAbsent(answer, (k) -> new LongAdder()).increment();
		}
	}

	private void honest(GatehouseClient client, String username, long everyMillis, long deadline) {
		while (System.nanoTime() < deadline) {
			long start = System.nanoTime();
			this.honestTotal.increment();
			try {
				client.checkUsername(username);
				this.honestOk.increment();
			}
			catch (RuntimeException ex) {
				String code = (ex instanceof GatehouseException failure) ? ":" + failure.code() : "";
				this.honestFailures.computeIfAbsent(ex.getClass().getSimpleName() + code, (k) -> new LongAdder())
					.increment();
			}
			long waited = (System.nanoTime() - start) / 1_000_000;
			sleep(Math.max(0, everyMillis - waited));
		}
	}

	private static GatehouseClient honestClient(URI base) {
		return GatehouseClient.builder()
			.baseUrl(base.toString())
			.platform(Platform.WEB)
			.appVersion("1.4.0")
			.appKey("web-demo", WEB_SECRET)
			.locale(Locale.ENGLISH)
			.tokenStore(TokenStore.inMemory())
			.callTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z-]+)\"");

	private static String codeOf(String body) {
		Matcher matcher = CODE.matcher(body);
		return matcher.find() ? " " + matcher.group(1) : "";
	}

	private static final Pattern SAMPLE = Pattern
		.compile("^(gatehouse_replay_[a-z_]+|jvm_memory_used_bytes)(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$");

	/** The replay gauges and the heap in use, from /actuator/prometheus. */
	private static Map<String, Double> metrics(OkHttpClient http, URI base) {
		Map<String, Double> values = new TreeMap<>();
		try (Response response = http
			.newCall(new Request.Builder().url(base.resolve("/actuator/prometheus").toString()).build())
			.execute()) {
			for (String line : response.body().string().split("\n")) {
				Matcher matcher = SAMPLE.matcher(line);
				if (!matcher.matches() || matcher.group(3).equals("NaN")) {
					continue;
				}
				double value = Double.parseDouble(matcher.group(3));
				if (matcher.group(1).equals("jvm_memory_used_bytes")) {
					if (matcher.group(2) != null && matcher.group(2).contains("area=\"heap\"")) {
						values.merge("heap_used", value, Double::sum);
					}
				}
				else {
					values.put(matcher.group(1), value);
				}
			}
		}
		catch (IOException ex) {
			values.put("scrape_failed", 1.0);
		}
		return values;
	}

	private String jcmd(String command) {
		try {
			Process process = new ProcessBuilder("jcmd", String.valueOf(this.serverPid), command)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(60, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private static Mac hmac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(WEB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Thread start(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.start();
		return thread;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long total(Map<String, LongAdder> counts) {
		return counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

	private static String snapshot(Map<String, LongAdder> counts) {
		Map<String, Long> sorted = new TreeMap<>();
		counts.forEach((key, value) -> sorted.put(key.replace(' ', '_'), value.sum()));
		return sorted.toString().replace(" ", "");
	}

	private static void check(int value, int min, int max, String option) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(option + " must lie between " + min + " and " + max);
		}
	}

}
