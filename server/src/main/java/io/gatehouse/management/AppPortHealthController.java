package io.gatehouse.management;

import io.gatehouse.errors.ApiException;
import io.gatehouse.errors.ErrorCode;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} and its liveness and readiness groups on the application
 * port, when Actuator itself lives on a separate management port (profile {@code prod}):
 * the contract lists health on the application port in every profile (docs/contract.md
 * §2), and an orchestrator probes the port it routes to. Answered by Actuator's own
 * health endpoint, so status, body and HTTP code are those of the management port,
 * without details. Nothing else of Actuator is reachable here.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class AppPortHealthController {

	static final String LIVENESS = "liveness";

	static final String READINESS = "readiness";

	private final HealthEndpointWebExtension health;

	AppPortHealthController(HealthEndpointWebExtension health) {
		this.health = health;
	}

	@GetMapping("/actuator/health")
	ResponseEntity<HealthDescriptor> health() {
		return answer(this.health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE));
	}

	@GetMapping("/actuator/health/{group}")
	ResponseEntity<HealthDescriptor> group(@PathVariable String group) {
		if (!LIVENESS.equals(group) && !READINESS.equals(group)) {
			throw new ApiException(ErrorCode.NOT_FOUND, "no such health group on the application port");
		}
		return answer(this.health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, group));
	}

	private static ResponseEntity<HealthDescriptor> answer(WebEndpointResponse<HealthDescriptor> response) {
		if (response.getBody() == null) {
			throw new ApiException(ErrorCode.NOT_FOUND, "health group not configured");
		}
		return ResponseEntity.status(response.getStatus()).body(response.getBody());
	}

}
