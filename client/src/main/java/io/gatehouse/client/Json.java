package io.gatehouse.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one {@link ObjectMapper} of the SDK, and the JSON reading and writing its calls
 * share. Bodies are read as trees so that a missing or mistyped field is reported as an
 * {@link UnexpectedResponseException}, never a {@code NullPointerException}.
 */
final class Json {

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final MediaType MEDIA_TYPE = MediaType.get("application/json");

	private Json() {
	}

	/**
	 * A JSON object body of string fields; {@code char[]} values (secrets) are written
	 * without a String copy.
	 */
	static RequestBody body(Map<String, ?> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
			json.writeStartObject();
			for (Map.Entry<String, ?> field : fields.entrySet()) {
				json.writeFieldName(field.getKey());
				if (field.getValue() instanceof char[] chars) {
					json.writeString(chars, 0, chars.length);
				}
				else {
					json.writeString((String) field.getValue());
				}
			}
			json.writeEndObject();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return RequestBody.create(out.toByteArray(), MEDIA_TYPE);
	}

	/** The response's body as a JSON object. */
	static JsonNode object(Response response) throws IOException {
		ResponseBody body = response.body();
		String text = body.string();
		JsonNode node;
		try {
			node = MAPPER.readTree(text);
		}
		catch (IOException ex) {
			throw unexpected(response, "The response body is not valid JSON", ex);
		}
		if (node == null || !node.isObject()) {
			throw unexpected(response, "The response body is not a JSON object", null);
		}
		return node;
	}

	static String text(Response response, JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null) {
			throw unexpected(response, "The response lacks the field " + field, null);
		}
		return value.isNull() ? null : value.asText();
	}

	static String requiredText(Response response, JsonNode node, String field) {
		String value = text(response, node, field);
		if (value == null) {
			throw unexpected(response, "The response's field " + field + " is null", null);
		}
		return value;
	}

	static boolean bool(Response response, JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isBoolean()) {
			throw unexpected(response, "The response's field " + field + " is not a boolean", null);
		}
		return value.booleanValue();
	}

	static Long number(Response response, JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.canConvertToLong()) {
			throw unexpected(response, "The response's field " + field + " is not a number", null);
		}
		return value.longValue();
	}

	static UnexpectedResponseException unexpected(Response response, String detail, Throwable cause) {
		return new UnexpectedResponseException(response.code(), detail, response.header("x-request-id"), cause);
	}

}
