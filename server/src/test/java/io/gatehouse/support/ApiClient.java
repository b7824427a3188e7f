package io.gatehouse.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * A test client that speaks docs/contract.md §1 over real HTTP: it signs every request
 * with a demo app key (canonical payload, as in
 * {@code testdata/app-signature-vectors.json}) and lets a test break any part of it on
 * purpose.
 */
public final class ApiClient {

	public static final String WEB_KID = "web-demo";

	public static final String WEB_SECRET = "gatehouse-demo-web-key-change-me";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final SecureRandom RANDOM = new SecureRandom();

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final Clock clock;

	public ApiClient(int port) {
		this(port, Clock.systemUTC());
	}

	/**
	 * A client that signs at {@code clock}'s time: the server's, when a test moves it.
	 */
	public ApiClient(int port, Clock clock) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.clock = clock;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call request(String method, String path) {
		return new Call(method, path);
	}

	/** One request being built; every part of the signature can be overridden. */
	public final class Call {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body = new byte[0];

		private String kid = WEB_KID;

		private String secret = WEB_SECRET;

		private long ts = ApiClient.this.clock.millis();

		private String nonce = randomNonce();

		private String accessToken;

		private boolean sign = true;

		private Consumer<Map<String, Object>> payloadEdit = (payload) -> {
		};

		Call(String method, String path) {
			this.method = method;
			this.path = path;
			this.headers.put("x-platform", "web");
			this.headers.put("x-app-version", "1.4.0");
			this.headers.put("Content-Type", "application/json");
		}

		public Call bearer(String token) {
			this.accessToken = token;
			return header("Authorization", "Bearer " + token);
		}

		public Call csrf(String token) {
			return header("x-csrf-token", token);
		}

		public Call header(String name, String value) {
			if (value == null) {
				this.headers.remove(name);
			}
			else {
				this.headers.put(name, value);
			}
			return this;
		}

		public Call json(Object value) {
			return body(JSON.writeValueAsBytes(value));
		}

		public Call body(byte[] bytes) {
			this.body = bytes;
			return this;
		}

		public Call appKey(String kid, String secret) {
			this.kid = kid;
			this.secret = secret;
			return this;
		}

		public Call timestamp(long epochMillis) {
			this.ts = epochMillis;
			return this;
		}

		public Call nonce(String nonce) {
			this.nonce = nonce;
			return this;
		}

		/** Changes the payload after it is built and before it is signed. */
		public Call editPayload(Consumer<Map<String, Object>> edit) {
			this.payloadEdit = edit;
			return this;
		}

		/** Sends no x-app-payload or x-app-signature. */
		public Call unsigned() {
			this.sign = false;
			return this;
		}

		public ApiResponse send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, (this.body.length == 0) ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(this.body));
			signedHeaders().forEach(request::header);
			try {
				HttpResponse<String> response = HTTP.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new ApiResponse(response);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Request failed: " + this.method + " " + this.path, ex);
			}
		}

		/**
		 * The headers {@link #send()} sends, the app signature included: for a test that
		 * writes the request on a socket of its own.
		 */
		public Map<String, String> signedHeaders() {
			Map<String, String> sent = new LinkedHashMap<>(this.headers);
			if (this.sign) {
				String payload = payload();
				sent.putIfAbsent("x-app-payload", payload);
				sent.putIfAbsent("x-app-signature", sign(this.secret, payload));
			}
			return sent;
		}

		private String payload() {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("kid", this.kid);
			payload.put("ts", this.ts);
			payload.put("nonce", this.nonce);
			payload.put("method", this.method);
			payload.put("path", this.path);
			payload.put("bodySha256", b64(sha256(this.body)));
			if (this.accessToken != null) {
				payload.put("ath", b64(sha256(this.accessToken.getBytes(StandardCharsets.US_ASCII))));
			}
			this.payloadEdit.accept(payload);
			return b64(JSON.writeValueAsBytes(payload));
		}

	}

	public static String randomNonce() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return b64(bytes);
	}

	public static String sign(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return b64(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
