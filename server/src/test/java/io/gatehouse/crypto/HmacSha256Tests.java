package io.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSha256Tests {

	@Test
	void macWhenRfc4231TestCaseOneThenItsDigest() {
		byte[] key = new byte[20];
		Arrays.fill(key, (byte) 0x0b);

		byte[] mac = new HmacSha256(key).mac("Hi There".getBytes(StandardCharsets.US_ASCII));

		assertThat(HexFormat.of().formatHex(mac))
			.isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
	}

	@Test
	void macWhenCalledAgainThenNothingOfThePreviousInputRemains() {
		HmacSha256 hmac = new HmacSha256(new byte[32]);
		byte[] first = hmac.mac("a".getBytes(StandardCharsets.US_ASCII));

		hmac.mac("something else".getBytes(StandardCharsets.US_ASCII));

		assertThat(hmac.mac("a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(first);
	}

	@Test
	void macWhenManyThreadsAtOnceThenEachGetsItsOwnInputsMac() throws Exception {
		HmacSha256 shared = new HmacSha256("a key of thirty-two bytes or so!".getBytes(StandardCharsets.US_ASCII));
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> wrong = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				wrong.add(pool.submit(() -> {
					start.await();
					int mismatches = 0;
					for (int i = 0; i < 2_000; i++) {
						byte[] input = ("thread " + thread + " input " + i).getBytes(StandardCharsets.US_ASCII);
						HmacSha256 alone = new HmacSha256(
								"a key of thirty-two bytes or so!".getBytes(StandardCharsets.US_ASCII));
						if (!Arrays.equals(shared.mac(input), alone.mac(input))) {
							mismatches++;
						}
					}
					return mismatches;
				}));
			}
			start.countDown();
			for (Future<Integer> result : wrong) {
				assertThat(result.get()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void macWhenEveryCallOnANewThreadThenOneKeyedMacServesThemAll() throws Exception {
		// A server on virtual threads runs each request on a new thread: keying a Mac per
		// thread would key one per request.
		HmacSha256 hmac = new HmacSha256("a key of thirty-two bytes or so!".getBytes(StandardCharsets.US_ASCII));
		byte[] expected = hmac.mac("input".getBytes(StandardCharsets.US_ASCII));

		for (int i = 0; i < 200; i++) {
			AtomicReference<byte[]> mac = new AtomicReference<>();
			Thread thread = new Thread(() -> mac.set(hmac.mac("input".getBytes(StandardCharsets.US_ASCII))));
			thread.start();
			thread.join();
			assertThat(mac.get()).isEqualTo(expected);
		}

		assertThat(hmac.pooledMacs()).isEqualTo(1);
	}

	@Test
	void toStringWhenPrintedThenNoKey() {
		assertThat(new HmacSha256("secret-secret-secret-secret-secret".getBytes(StandardCharsets.US_ASCII)))
			.hasToString("HmacSha256[key hidden]");
	}

}
