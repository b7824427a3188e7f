package io.gatehouse.appsig;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import io.gatehouse.errors.StateUnavailableException;

/**
 * The embedded default's replay guard: one instance, bounded memory. Nonces are forgotten
 * in the order they expire (a queue beside the map, so no scan). When the bound is
 * reached with every remembered nonce still live, it refuses
 * ({@link StateUnavailableException}, answered 503) rather than forget a live nonce,
 * which would let its request be replayed. One lock: each call does a few map operations,
 * far below the request's HMAC cost.
 */
final class InMemoryNonceStore implements NonceStore {

	private final int maxEntries;

	private final Clock clock;

	private final Map<String, Long> expiries = new HashMap<>();

	private final ArrayDeque<Entry> byExpiry = new ArrayDeque<>();

	InMemoryNonceStore(int maxEntries, Clock clock) {
		this.maxEntries = maxEntries;
		this.clock = clock;
	}

	@Override
	public synchronized boolean firstUse(String kid, String nonce, Duration ttl) {
		long now = this.clock.millis();
		forgetExpired(now);
		// A nonce is base64url, so '\n' cannot occur in it: the key is unambiguous.
		String key = kid + '\n' + nonce;
		Long expiry = this.expiries.get(key);
		if (expiry != null && expiry > now) {
			return false;
		}
		if (expiry == null && this.expiries.size() >= this.maxEntries) {
			throw new StateUnavailableException("nonce store full of live nonces", null);
		}
		long expires = now + ttl.toMillis();
		this.expiries.put(key, expires);
		this.byExpiry.addLast(new Entry(key, expires));
		return true;
	}

	synchronized int size() {
		return this.expiries.size();
	}

	private void forgetExpired(long now) {
		Entry oldest;
		// A clock stepping back, or a varying ttl, only keeps a nonce longer.
		while ((oldest = this.byExpiry.peekFirst()) != null && oldest.expires() <= now) {
			this.byExpiry.pollFirst();
			this.expiries.remove(oldest.key(), oldest.expires());
		}
	}

	private record Entry(String key, long expires) {

	}

}
