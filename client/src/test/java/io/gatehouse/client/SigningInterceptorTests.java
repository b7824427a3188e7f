package io.gatehouse.client;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigningInterceptorTests {

	private final OkHttpClient http = new OkHttpClient.Builder()
		.addNetworkInterceptor(new SigningInterceptor(
				new RequestSigner("web-demo", "gatehouse-demo-web-key-change-me", new ClockOffset(Clock.systemUTC()))))
		.build();

	@Test
	void interceptWhenPercentEncodedPathAndQueryThenSignsTargetAsSent() throws Exception {
		try (MockWebServer server = new MockWebServer()) {
			server.start();
			server.enqueue(new MockResponse.Builder().build());
			Request request = new Request.Builder()
				.url(server.url("/api/customers/check-username/J%C3%BCrgen?x=1&y=%2F"))
				.header("Authorization", "Bearer opaque.token.value")
				.build();

			execute(request);

			RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
			JsonNode payload = WireAssertions.assertSigned(recorded, "gatehouse-demo-web-key-change-me");
			assertThat(payload.get("path").asText()).isEqualTo("/api/customers/check-username/J%C3%BCrgen?x=1&y=%2F");
			assertThat(payload.get("ath").asText()).isEqualTo("5pOR0Lsi5JMG6jvYhrhIAtGQ8d9gxn_3AG7CcKl4XSU");
		}
	}

	@Test
	void interceptWhenBodyWouldChangeOnSecondWriteThenHashesTheBytesSent() throws Exception {
		try (MockWebServer server = new MockWebServer()) {
			server.start();
			server.enqueue(new MockResponse.Builder().build());
			Request request = new Request.Builder().url(server.url("/api/auth/token")).post(new CountingBody()).build();

			execute(request);

			RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(recorded.getBody().utf8()).isEqualTo("{\"write\":1}");
			WireAssertions.assertSigned(recorded, "gatehouse-demo-web-key-change-me");
		}
	}

	private void execute(Request request) throws Exception {
		try (Response response = this.http.newCall(request).execute()) {
			assertThat(response.code()).isEqualTo(200);
		}
	}

	/** A body whose bytes differ each time it is written, as a careless body might. */
	private static final class CountingBody extends RequestBody {

		private int writes;

		@Override
		public okhttp3.MediaType contentType() {
			return Json.MEDIA_TYPE;
		}

		@Override
		public void writeTo(BufferedSink sink) throws java.io.IOException {
			this.writes++;
			sink.writeUtf8("{\"write\":" + this.writes + "}");
		}

	}

}
