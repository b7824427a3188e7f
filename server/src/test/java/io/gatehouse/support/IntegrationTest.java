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
 * (for example a short token lifetime) only where the test needs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "gatehouse.data-dir=target/test-data",
		"spring.datasource.url=jdbc:h2:mem:gatehouse-${random.uuid};DB_CLOSE_DELAY=-1" })
public @interface IntegrationTest {

}
