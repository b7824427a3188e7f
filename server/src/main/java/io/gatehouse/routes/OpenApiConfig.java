package io.gatehouse.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.gatehouse.errors.ErrorCode;
import io.gatehouse.errors.Problem;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.gatehouse.errors.ErrorCode.CSRF_INVALID;
import static io.gatehouse.errors.ErrorCode.CSRF_MISSING;
import static io.gatehouse.errors.ErrorCode.INTERNAL_ERROR;
import static io.gatehouse.errors.ErrorCode.INVALID_HEADER;
import static io.gatehouse.errors.ErrorCode.INVALID_TOKEN;
import static io.gatehouse.errors.ErrorCode.MISSING_TOKEN;
import static io.gatehouse.errors.ErrorCode.PAYLOAD_TOO_LARGE;
import static io.gatehouse.errors.ErrorCode.REQUEST_EXPIRED;
import static io.gatehouse.errors.ErrorCode.REQUEST_REPLAYED;
import static io.gatehouse.errors.ErrorCode.SERVICE_UNAVAILABLE;
import static io.gatehouse.errors.ErrorCode.SIGNATURE_INVALID;
import static io.gatehouse.errors.ErrorCode.SIGNATURE_MISSING;
import static io.gatehouse.errors.ErrorCode.UNSUPPORTED_MEDIA_TYPE;
import static io.gatehouse.errors.ErrorCode.UPGRADE_REQUIRED;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what springdoc reads from the
 * controllers, plus what lives in filters and so is invisible to it: the app headers and
 * signature of docs/contract.md §1, the bearer scheme, {@code x-csrf-token}, and the
 * problem codes of docs/contract.md §2 and §5 for each operation, read from
 * {@link ApiRoutes}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String BEARER = "bearer";

	private static final List<ErrorCode> EVERY_CALL = List.of(INVALID_HEADER, SIGNATURE_MISSING, SIGNATURE_INVALID,
			REQUEST_EXPIRED, REQUEST_REPLAYED, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, UPGRADE_REQUIRED,
			INTERNAL_ERROR, SERVICE_UNAVAILABLE);

	private static final Map<String, String> APP_HEADERS = new LinkedHashMap<>();

	static {
		APP_HEADERS.put("x-platform", "ios, android or web");
		APP_HEADERS.put("x-app-version", "MAJOR.MINOR.PATCH, at least the platform's minimum");
		APP_HEADERS.put("x-app-payload", "base64url (no padding) of the signed JSON payload (docs/contract.md §1)");
		APP_HEADERS.put("x-app-signature", "base64url (no padding) of HMAC-SHA256(app key, x-app-payload)");
	}

	@Bean
	OpenAPI gatehouseOpenApi() {
		Components components = new Components().addSecuritySchemes(BEARER,
				new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description("An access token from /api/auth/guest, /api/auth/token or /api/auth/refresh"));
		return new OpenAPI().components(components)
			.info(new Info().title("Gatehouse API")
				.version("1")
				.description("Guest and user sessions, CSRF tokens, the secured username check and onboarding. "
						+ "Every /api call is signed (x-app-payload, x-app-signature); see docs/contract.md."));
	}

	@Bean
	OpenApiCustomizer contractOpenApiCustomizer() {
		return (openApi) -> {
			addProblemSchema(openApi);
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> {
				if (path.startsWith("/api/")) {
					item.readOperationsMap().forEach((method, operation) -> describe(method + " " + path, operation));
				}
			});
		};
	}

	/**
	 * The problem+json body, whose {@code code} is one of the contract's codes. Added
	 * here, after springdoc has collected the controllers' schemas, which replaces the
	 * bean's.
	 */
	@SuppressWarnings("unchecked")
	private static void addProblemSchema(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		ModelConverters.getInstance(true).readAll(Problem.class).forEach(openApi.getComponents()::addSchemas);
		Schema<Object> code = (Schema<Object>) openApi.getComponents()
			.getSchemas()
			.get("Problem")
			.getProperties()
			.get("code");
		code.setEnum(Stream.of(ErrorCode.values()).map((value) -> (Object) value.code()).toList());
	}

	private static void describe(String key, Operation operation) {
		APP_HEADERS.forEach((name, description) -> addHeader(operation, name, description, true));
		addHeader(operation, "locale", "BCP 47 tag; en (default), es or ur", false);
		addHeader(operation, "x-request-id", "echoed on the response; generated when absent", false);
		Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
		EVERY_CALL.forEach((code) -> add(byStatus, code));
		ApiRoute route = ApiRoutes.find(key).orElse(null);
		if (route == null || route.needsBearer()) {
			operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			add(byStatus, MISSING_TOKEN);
			add(byStatus, INVALID_TOKEN);
			if (route == null || route.csrf()) {
				addHeader(operation, "x-csrf-token", "from GET /api/auth/csrf-token, bound to this session", true);
				add(byStatus, CSRF_MISSING);
				add(byStatus, CSRF_INVALID);
			}
		}
		if (route != null) {
			route.failures().forEach((code) -> add(byStatus, code));
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		byStatus.forEach((status, codes) -> responses.addApiResponse(status.toString(), problemResponse(codes)));
		operation.setResponses(responses);
	}

	private static void add(Map<Integer, List<ErrorCode>> byStatus, ErrorCode code) {
		List<ErrorCode> codes = byStatus.computeIfAbsent(code.status().value(), (status) -> new ArrayList<>());
		if (!codes.contains(code)) {
			codes.add(code);
		}
	}

	private static ApiResponse problemResponse(List<ErrorCode> codes) {
		Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
		String names = String.join(", ", codes.stream().map(ErrorCode::code).toList());
		return new ApiResponse().description("application/problem+json with code: " + names)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(problem)));
	}

	private static void addHeader(Operation operation, String name, String description, boolean required) {
		List<Parameter> parameters = operation.getParameters();
		if (parameters != null && parameters.stream().anyMatch((p) -> name.equalsIgnoreCase(p.getName()))) {
			return;
		}
		operation.addParametersItem(new HeaderParameter().name(name)
			.description(description)
			.required(required)
			.schema(new StringSchema()));
	}

}
