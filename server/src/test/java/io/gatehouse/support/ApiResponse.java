package io.gatehouse.support;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

/** A response as a test reads it: status, headers, raw body and the body as JSON. */
public record ApiResponse(int status, String body, HttpResponse<String> raw) {

	ApiResponse(HttpResponse<String> raw) {
		this(raw.statusCode(), raw.body(), raw);
	}

	public String header(String name) {
		return this.raw.headers().firstValue(name).orElse(null);
	}

	public JsonNode json() {
		return ApiClient.JSON.readTree(this.body);
	}

	/** The problem's contract {@code code}, or {@code null} when the body has none. */
	public String code() {
		JsonNode code = json().get("code");
		return (code != null) ? code.asString() : null;
	}

	/** A text field of the JSON body. */
	public String field(String name) {
		JsonNode value = json().get(name);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
