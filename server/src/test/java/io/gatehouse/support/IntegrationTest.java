package io.gatehouse.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The real server on a random port, embedded default with an in-memory H2 database of its
 * own. Test classes that add no properties share one application context; add properties
 * (for example a short token lifetime) only where the test needs them. Registration
 * limits are lifted, since the shared context registers from one address and session many
 * times; {@code RegistrationRateLimitIntegrationTests} sets its own (a test class's
 * {@code @TestPropertySource} wins over these). A hash may wait long: the shared build
 * machine's load is not what these tests are about ({@code HashingQueueTests} covers the
 * wait limit).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.data-dir=target/test-data",
				"spring.datasource.url=jdbc:h2:mem:gatehouse-${random.uuid};DB_CLOSE_DELAY=-1",
				"gatehouse.rate-limits.registrations-per-session.capacity=100000",
				"gatehouse.rate-limits.registrations-per-address.capacity=100000", "gatehouse.hashing.wait-limit=30s" })
public @interface IntegrationTest {

}
