package io.gatehouse.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the shared test vectors in the repository's {@code testdata/}, which the server,
 * the SDK and the web client are all tested against.
 */
final class Vectors {

	private Vectors() {
	}

	static List<JsonNode> read(String file) {
		try {
			JsonNode root = new ObjectMapper().readTree(Path.of("..", "testdata", file).toFile());
			List<JsonNode> vectors = new ArrayList<>();
			root.get("vectors").forEach(vectors::add);
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String text(JsonNode vector, String field) {
		JsonNode value = vector.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

}
