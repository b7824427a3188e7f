package io.gatehouse.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Drives the username check of a server on 127.0.0.1 with a fixed, bounded load and
 * prints throughput, latency percentiles and, given the server's pid, the server's CPU
 * time per request. Mode {@code gatehouse} logs in with the Java SDK (which signs every
 * request and sends the CSRF token); mode {@code textbook} sends a plain bearer GET to
 * {@link io.gatehouse.bench.textbook.TextbookResourceServer}.
 *
 * <p>
 * {@code java -cp bench/target/benchmarks.jar io.gatehouse.bench.LoadDriver --help}
 */
@Command(name = "load-driver", mixinStandardHelpOptions = true,
		description = "Bounded load against 127.0.0.1 only; see docs/benchmarks.md.")
public final class LoadDriver implements Callable<Integer> {

	static final int MAX_REQUESTS = 200_000;

	static final int MAX_SECONDS = 120;

	static final int MAX_THREADS = 64;

	static final String USERNAME = "bmp_kfayy_6526";

	@Option(names = "--mode", required = true, description = "gatehouse or textbook")
	Mode mode;

	@Option(names = "--url", required = true, description = "http://127.0.0.1:PORT (no other host is accepted)")
	String url;

	@Option(names = "--requests", defaultValue = "20000", description = "measured requests, at most 200000")
	int requests;

	@Option(names = "--seconds", defaultValue = "30", description = "time bound of the measured phase, at most 120")
	int seconds;

	@Option(names = "--warmup", defaultValue = "2000", description = "requests before measuring, at most 20000")
	int warmup;

	@Option(names = "--threads", defaultValue = "4", description = "concurrent callers, at most 64")
	int threads;

	@Option(names = "--server-pid", description = "pid of the server process, for its CPU time per request")
	Long serverPid;

	@Option(names = "--textbook-key", defaultValue = "/tmp/textbook-bench/key.jwks",
			description = "the textbook server's key file (mode textbook)")
	Path textbookKey;

	enum Mode {

		gatehouse, textbook

	}

	public static void main(String[] args) {
		CommandLine command = new CommandLine(new LoadDriver()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
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
		URI base = checkedUrl(this.url);
		check(this.requests, 1, MAX_REQUESTS, "--requests");
		check(this.seconds, 1, MAX_SECONDS, "--seconds");
		check(this.warmup, 0, 20_000, "--warmup");
		check(this.threads, 1, MAX_THREADS, "--threads");
		try (Target target = (this.mode == Mode.gatehouse) ? new GatehouseTarget(base.toString(), USERNAME)
				: new TextbookTarget(base.toString(), USERNAME, this.textbookKey)) {
			target.call();
			run(target, this.warmup, this.seconds);
			ProcessHandle server = (this.serverPid != null) ? ProcessHandle.of(this.serverPid)
				.orElseThrow(() -> new IllegalArgumentException("No process " + this.serverPid)) : null;
			Map<String, ThreadCpu.Sample> threadsBefore = (server != null) ? ThreadCpu.snapshot(this.serverPid)
					: Map.of();
			long serverCpuBefore = cpuNanos(server);
			long driverCpuBefore = driverCpuNanos();
			Result result = run(target, this.requests, this.seconds);
			long serverCpu = cpuNanos(server) - serverCpuBefore;
			Map<String, Long> byKind = (server != null)
					? ThreadCpu.byKind(threadsBefore, ThreadCpu.snapshot(this.serverPid)) : Map.of();
			long driverCpu = driverCpuNanos() - driverCpuBefore;
			print(result, serverCpu, byKind, driverCpu);
			return result.errors.isEmpty() ? 0 : 1;
		}
	}

	/** The URL, if it names 127.0.0.1: load is never sent anywhere else. */
	static URI checkedUrl(String url) {
		URI uri = URI.create(url);
		if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())) {
			throw new IllegalArgumentException("Load goes to http://127.0.0.1 only, not " + url);
		}
		return uri;
	}

	private static void check(int value, int min, int max, String option) {
		if (value < min || value > max) {
			throw new IllegalArgumentException(option + " must lie between " + min + " and " + max);
		}
	}

	private Result run(Target target, int count, int maxSeconds) throws InterruptedException {
		AtomicLong issued = new AtomicLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
		Map<String, LongAdder> errors = new ConcurrentHashMap<>();
		long[][] latencies = new long[this.threads][];
		List<Thread> workers = new ArrayList<>();
		long started = System.nanoTime();
		for (int t = 0; t < this.threads; t++) {
			int index = t;
			Thread worker = new Thread(() -> {
				long[] mine = new long[count];
				int n = 0;
				while (issued.getAndIncrement() < count && System.nanoTime() < deadline) {
					long start = System.nanoTime();
					try {
						target.call();
						mine[n++] = System.nanoTime() - start;
					}
					catch (Exception ex) {
						errors.computeIfAbsent(ex.getClass().getSimpleName(), (k) -> new LongAdder()).increment();
					}
				}
				latencies[index] = Arrays.copyOf(mine, n);
			}, "load-" + t);
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		long elapsed = System.nanoTime() - started;
		long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all, elapsed, errors);
	}

	private static long cpuNanos(ProcessHandle process) {
		if (process == null) {
			return 0;
		}
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private static long driverCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private void print(Result result, long serverCpuNanos, Map<String, Long> byKind, long driverCpuNanos) {
		int ok = result.latencies.length;
		double seconds = result.elapsedNanos / 1e9;
		System.out.printf(Locale.ROOT, "mode=%s threads=%d ok=%d errors=%s elapsed=%.1fs%n", this.mode, this.threads,
				ok, result.errors, seconds);
		System.out.printf(Locale.ROOT, "throughput=%.0f req/s%n", ok / seconds);
		System.out.printf(Locale.ROOT, "latency_ms p50=%.3f p90=%.3f p99=%.3f p99.9=%.3f max=%.3f%n",
				percentile(result.latencies, 50), percentile(result.latencies, 90), percentile(result.latencies, 99),
				percentile(result.latencies, 99.9), (ok > 0) ? result.latencies[ok - 1] / 1e6 : 0);
		if (this.serverPid != null && ok > 0) {
			System.out.printf(Locale.ROOT, "server_cpu_us_per_request=%.1f (server pid %d, %.2f s CPU)%n",
					serverCpuNanos / 1e3 / ok, this.serverPid, serverCpuNanos / 1e9);
			byKind.forEach((kind, nanos) -> System.out.printf(Locale.ROOT, "  of which %s: %.1f us/request%n", kind,
					nanos / 1e3 / ok));
		}
		if (ok > 0) {
			System.out.printf(Locale.ROOT, "driver_cpu_us_per_request=%.1f%n", driverCpuNanos / 1e3 / ok);
		}
		System.out.printf(Locale.ROOT, "load_average=%s%n", loadAverage());
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static String loadAverage() {
		try {
			return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private record Result(long[] latencies, long elapsedNanos, Map<String, LongAdder> errors) {
	}

	/** One username check; throws on anything but the expected answer. */
	interface Target extends AutoCloseable {

		void call() throws Exception;

	}

}
