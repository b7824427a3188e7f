package io.gatehouse.account;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The CPU time of one login's hash (Argon2id m=19 MiB, t=2, p=1), Bouncy Castle and
 * libargon2 alternating, measured as the calling thread's CPU time: on a machine shared
 * with other work this, unlike wall time, does not grow with the load. Logins per second
 * per vCPU are its inverse.
 *
 * <p>
 * {@code java -cp bench/target/benchmarks.jar io.gatehouse.account.PasswordHashingCpu [rounds]}
 */
public final class PasswordHashingCpu {

	private static final String PASSWORD = "Gatehouse-demo-1";

	private PasswordHashingCpu() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(PasswordHashing.SALT_BYTES,
				PasswordHashing.HASH_BYTES, PasswordHashing.PARALLELISM, PasswordHashing.MEMORY_KIB,
				PasswordHashing.ITERATIONS);
		Argon2 libargon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, PasswordHashing.SALT_BYTES,
				PasswordHashing.HASH_BYTES);
		String stored = bouncyCastle.encode(PASSWORD);
		BooleanSupplier java = () -> bouncyCastle.matches(PASSWORD, stored);
		BooleanSupplier c = () -> libargon2.verify(stored, PASSWORD.toCharArray(), StandardCharsets.UTF_8);
		for (int i = 0; i < 10; i++) {
			cpuNanos(java);
			cpuNanos(c);
		}
		long[] javaNanos = new long[rounds];
		long[] cNanos = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			javaNanos[i] = cpuNanos(java);
			cNanos[i] = cpuNanos(c);
		}
		print("Bouncy Castle (Spring's Argon2PasswordEncoder)", javaNanos);
		print("libargon2 (argon2-jvm)", cNanos);
		System.out.printf(Locale.ROOT, "load_average=%s%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static long cpuNanos(BooleanSupplier hash) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		if (!hash.getAsBoolean()) {
			throw new IllegalStateException("The hash did not verify");
		}
		return threads.getCurrentThreadCpuTime() - start;
	}

	private static void print(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double median = sorted[sorted.length / 2] / 1e6;
		System.out.printf(Locale.ROOT,
				"%-48s CPU per verify: median %.1f ms (min %.1f, max %.1f) -> %.1f logins/s per vCPU%n", name, median,
				sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, 1000 / median);
	}

}
