package io.gatehouse.config;

import java.util.concurrent.Executor;

import io.gatehouse.support.ApiClient;
import io.gatehouse.support.IntegrationTest;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as shipped takes requests on virtual threads on Java 24 and later and on
 * Tomcat's pool of platform threads below that (decision 0017); CI runs this suite on
 * both.
 */
@IntegrationTest
class VirtualThreadsIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void requestsRunOnVirtualThreadsFromJava24AndOnPlatformThreadsBelow() {
		Executor executor = ((TomcatWebServer) this.context.getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler()
			.getExecutor();
		if (Runtime.version().feature() >= VirtualThreadsByDefault.FIRST_RELEASE) {
			assertThat(executor).isInstanceOf(VirtualThreadExecutor.class);
		}
		else {
			assertThat(executor).isInstanceOf(ThreadPoolExecutor.class);
		}
		assertThat(new ApiClient(this.port).get("/.well-known/jwks.json").unsigned().send().status()).isEqualTo(200);
	}

}
