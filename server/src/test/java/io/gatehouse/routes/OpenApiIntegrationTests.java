package io.gatehouse.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.gatehouse.errors.ProblemErrorController;
import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import io.swagger.v3.oas.annotations.Hidden;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description: complete, reachable without a token, and Swagger UI beside it.
 */
@IntegrationTest
class OpenApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	ApiClient api;

	JsonNode docs;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		ApiResponse response = this.api.get("/v3/api-docs").unsigned().send();
		assertThat(response.status()).isEqualTo(200);
		this.docs = response.json();
	}

	@Test
	void apiDocsWhenFetchedThenOpenApi31() {
		assertThat(this.docs.get("openapi").asString()).startsWith("3.1");
	}

	@Test
	void apiDocsWhenFetchedThenEveryControllerEndpointDescribed() {
		List<String> endpoints = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((info, handler) -> {
			if (isOurs(handler)) {
				assertThat(methodsOf(info)).as(handler + " names its HTTP methods").isNotEmpty();
				for (String path : info.getPatternValues()) {
					for (RequestMethod method : methodsOf(info)) {
						endpoints.add(method + " " + path);
					}
				}
			}
		});

		assertThat(endpoints).contains("GET /api/customers/check-username/{username}", "POST /api/auth/register",
				"GET /api/auth/csrf-token", "POST /api/customers", "PUT /api/customers/me/pin");
		for (String endpoint : endpoints) {
			String[] parts = endpoint.split(" ");
			JsonNode path = this.docs.get("paths").get(parts[1]);
			assertThat(path).as(endpoint + " is missing from /v3/api-docs").isNotNull();
			assertThat(path.get(parts[0].toLowerCase(Locale.ROOT))).as(endpoint + " is missing from /v3/api-docs")
				.isNotNull();
		}
	}

	@Test
	void apiDocsWhenSecuredOperationThenBearerCsrfHeadersAndProblems() {
		JsonNode check = this.docs.get("paths").get("/api/customers/check-username/{username}").get("get");

		assertThat(this.docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(check.get("security").toString()).contains("bearer");
		assertThat(parameterNames(check)).contains("username", "x-username", "x-csrf-token", "x-platform",
				"x-app-version", "x-app-payload", "x-app-signature", "locale");
		assertThat(check.at("/responses/200/content/application~1json/schema/$ref").asString())
			.endsWith("/UsernameCheck");
		assertThat(check.at("/responses/400/description").asString()).contains("invalid-username", "username-mismatch",
				"invalid-header");
		assertThat(check.at("/responses/403/description").asString()).contains("csrf-missing", "csrf-invalid");
		assertThat(check.at("/responses/429/content/application~1problem+json/schema/$ref").asString())
			.endsWith("/Problem");
		assertThat(this.docs.at("/components/schemas/Problem/properties/code/enum").toString()).contains("csrf-invalid",
				"weak-pin", "service-unavailable");
	}

	@Test
	void apiDocsWhenFetchedThenNoContainerErrorPath() {
		assertThat(this.docs.get("paths").get("/error")).isNull();
	}

	@Test
	void apiDocsWhenCsrfTokenOperationThenNoCsrfHeader() {
		JsonNode csrf = this.docs.get("paths").get("/api/auth/csrf-token").get("get");

		assertThat(parameterNames(csrf)).doesNotContain("x-csrf-token");
	}

	@Test
	void swaggerUiWhenRequestedThenServed() {
		ApiResponse redirect = this.api.get("/swagger-ui.html").unsigned().send();
		ApiResponse page = this.api.get("/swagger-ui/index.html").unsigned().send();

		assertThat(redirect.status()).isEqualTo(302);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	static boolean isOurs(HandlerMethod handler) {
		Class<?> type = handler.getBeanType();
		// A @Hidden handler (the catch-all for malformed username paths) is deliberately
		// left out; springdoc's own and the container error controller are not the API.
		return type.getName().startsWith("io.gatehouse.") && !type.equals(ProblemErrorController.class)
				&& !handler.hasMethodAnnotation(Hidden.class);
	}

	static List<RequestMethod> methodsOf(RequestMappingInfo info) {
		return List.copyOf(info.getMethodsCondition().getMethods());
	}

	static List<String> parameterNames(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.get("parameters").forEach((parameter) -> names.add(parameter.get("name").asString()));
		return names;
	}

}
