package io.gatehouse.appsig;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges of the replay guard: its memory, what it remembers, and the {@code ts} window it
 * accepts (seconds before and after now; 300 and 300 unless narrowed at the memory
 * bound).
 */
final class ReplayGuardMetrics implements MeterBinder {

	private final NonceStore nonces;

	ReplayGuardMetrics(NonceStore nonces) {
		this.nonces = nonces;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "gatehouse.replay.memory", "bytes", (store) -> store.state().bytes());
		gauge(registry, "gatehouse.replay.nonces", null, (store) -> store.state().nonces());
		gauge(registry, "gatehouse.replay.window.before", "seconds",
				(store) -> -store.state().acceptedFromMillis() / 1000.0);
		gauge(registry, "gatehouse.replay.window.after", "seconds",
				(store) -> store.state().acceptedToMillis() / 1000.0);
	}

	private void gauge(MeterRegistry registry, String name, String unit, ToDoubleFunction<NonceStore> value) {
		Gauge.builder(name, this.nonces, (store) -> {
			try {
				return value.applyAsDouble(store);
			}
			catch (RuntimeException ex) {
				// Redis away: no reading, rather than a failed scrape.
				return Double.NaN;
			}
		}).baseUnit(unit).register(registry);
	}

}
