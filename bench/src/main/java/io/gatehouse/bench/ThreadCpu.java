package io.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A server process's CPU time split by kind of thread, from Linux's
 * {@code /proc/<pid>/task/<tid>/stat}: request threads (Tomcat's {@code http-nio-*}), GC,
 * JIT compilers and the rest. Tells whether a server's cost per request is its request
 * path or the garbage and code it makes. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

	/** Linux's USER_HZ: utime and stime are counted in 1/100 s. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ThreadCpu() {
	}

	/** Ticks used so far by each live thread, keyed by thread id. */
	static Map<String, Sample> snapshot(long pid) {
		Map<String, Sample> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			tasks.forEach(
					(task) -> read(task).ifPresent((sample) -> threads.put(task.getFileName().toString(), sample)));
		}
		catch (IOException ex) {
			// No /proc: only the process total is reported.
		}
		return threads;
	}

	/** Nanoseconds of CPU between two snapshots, by kind of thread. */
	static Map<String, Long> byKind(Map<String, Sample> before, Map<String, Sample> after) {
		Map<String, Long> kinds = new LinkedHashMap<>();
		for (String kind : new String[] { "request threads (http-nio-*)", "GC", "JIT compilers", "other" }) {
			kinds.put(kind, 0L);
		}
		after.forEach((tid, sample) -> {
			Sample earlier = before.get(tid);
			long ticks = sample.ticks() - ((earlier != null) ? earlier.ticks() : 0);
			kinds.merge(kind(sample.name()), ticks * NANOS_PER_TICK, Long::sum);
		});
		return kinds;
	}

	private static String kind(String name) {
		if (name.startsWith("http-nio")) {
			return "request threads (http-nio-*)";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Periodic")) {
			return name.startsWith("VM Periodic") ? "other" : "GC";
		}
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return "JIT compilers";
		}
		return "other";
	}

	private static java.util.Optional<Sample> read(Path task) {
		try {
			String stat = Files.readString(task.resolve("stat"));
			// "tid (name) state ..." where the name may hold spaces and parentheses.
			int open = stat.indexOf('(');
			int close = stat.lastIndexOf(')');
			String[] fields = stat.substring(close + 2).split(" ");
			// After the name: state is field 3 of stat(5), utime 14 and stime 15.
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return java.util.Optional.of(new Sample(stat.substring(open + 1, close), ticks));
		}
		catch (IOException | RuntimeException ex) {
			// The thread ended between listing and reading.
			return java.util.Optional.empty();
		}
	}

	record Sample(String name, long ticks) {
	}

}
