package io.gatehouse.appsig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared vectors of {@code testdata/app-signature-vectors.json}, read, not copied.
 */
record SignatureVectors(String name, String platform, String kid, String secret, long ts, String nonce, String method,
		String path, String body, String accessToken, String bodySha256, String ath, String payloadJson, String payload,
		String signature) {

	static final Path FILE = Path.of("../testdata/app-signature-vectors.json");

	static List<SignatureVectors> all() {
		JsonNode root = JsonMapper.builder().build().readTree(FILE.toFile());
		List<SignatureVectors> vectors = new ArrayList<>();
		for (JsonNode v : root.get("vectors")) {
			vectors.add(new SignatureVectors(text(v, "name"), text(v, "platform"), text(v, "kid"), text(v, "secret"),
					v.get("ts").asLong(), text(v, "nonce"), text(v, "method"), text(v, "path"), text(v, "body"),
					text(v, "accessToken"), text(v, "bodySha256"), text(v, "ath"), text(v, "payloadJson"),
					text(v, "payload"), text(v, "signature")));
		}
		return vectors;
	}

	private static String text(JsonNode vector, String field) {
		JsonNode value = vector.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
