package io.gatehouse.pipeline;

import java.util.List;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.ApiResponse;
import io.gatehouse.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded default Actuator shares the application port and its dispatcher: the
 * application's routes are asked first (pipeline/RequestPipeline), and the paths under
 * {@code /actuator} answer as before.
 */
@IntegrationTest
class ApplicationRoutesFirstIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DispatcherServlet dispatcher;

	@Test
	void applicationRoutesAreAskedBeforeActuatorRoutes() {
		// The dispatcher collects its handler mappings on its first request.
		assertThat(new ApiClient(this.port).get("/.well-known/jwks.json").send().status()).isEqualTo(200);

		List<HandlerMapping> mappings = this.dispatcher.getHandlerMappings();

		assertThat(mappings).isNotNull();
		assertThat(mappings.get(0)).isInstanceOf(HotRouteHandlerMapping.class);
		assertThat(mappings).anyMatch(AbstractWebMvcEndpointHandlerMapping.class::isInstance);
	}

	@Test
	void actuatorPathsWhenApplicationRoutesComeFirstThenAnsweredAsBefore() {
		ApiClient api = new ApiClient(this.port);

		ApiResponse prometheus = api.get("/actuator/prometheus").send();
		ApiResponse health = api.get("/actuator/health").send();
		ApiResponse liveness = api.get("/actuator/health/liveness").send();
		ApiResponse unknown = api.get("/actuator/no-such-endpoint").send();

		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("http_server_requests_seconds");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(unknown.status()).isEqualTo(404);
	}

}
