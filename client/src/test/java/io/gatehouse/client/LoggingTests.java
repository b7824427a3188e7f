package io.gatehouse.client;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingTests {

	@Test
	void loginCheckAndPinWhenDebugThenNoSecretAndMaskedContactLogged() throws Exception {
		Logger logger = (Logger) LoggerFactory.getLogger("io.gatehouse.client");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		String accessToken = MockGatehouse.jwt("bmp_kfayy_6526", "a1");
		try (MockWebServer server = new MockWebServer()) {
			server.start();
			server.enqueue(MockGatehouse.userToken(accessToken, "refresh-secret-1"));
			server.enqueue(MockGatehouse.csrf("csrf-secret-1"));
			server.enqueue(MockGatehouse.check("active"));
			server.enqueue(new MockResponse.Builder().code(204).build());
			GatehouseClient client = MockGatehouse.client(server).build();

			client.login("bmp_kfayy_6526", "Gatehouse-demo-1".toCharArray());
			client.checkUsername("bmp_kfayy_6526");
			client.setPin("2580".toCharArray());

			List<String> secrets = List.of(accessToken, "refresh-secret-1", "csrf-secret-1", "Gatehouse-demo-1", "2580",
					"testuserbmp@yopmail.com", "+923185456266");
			List<String> sent = List
				.of(server.takeRequest(), server.takeRequest(), server.takeRequest(), server.takeRequest())
				.stream()
				.flatMap((request) -> List
					.of(request.getHeaders().get("x-app-payload"), request.getHeaders().get("x-app-signature"))
					.stream())
				.collect(Collectors.toList());
			String log = appender.list.stream()
				.map(ILoggingEvent::getFormattedMessage)
				.collect(Collectors.joining("\n"));
			assertThat(log).contains("GET /api/customers/check-username/bmp_kfayy_6526 -> 200", "request id req-200",
					"t***@yopmail.com", "+92******266");
			assertThat(secrets).allSatisfy((secret) -> assertThat(log).doesNotContain(secret));
			assertThat(sent).allSatisfy((signature) -> assertThat(log).doesNotContain(signature));
		}
		finally {
			logger.detachAppender(appender);
		}
	}

}
