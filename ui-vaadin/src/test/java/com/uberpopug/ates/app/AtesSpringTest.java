package com.uberpopug.ates.app;

import com.uberpopug.ates.testsupport.IsolatedServices;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application against the real PostgreSQL, Kafka, ClickHouse and Redis that
 * {@code infra/ates-services.sh up} started, in a namespace (database, topics) of this test context's own.
 * One annotation for all such tests, so that Spring can share their context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AtesApplication.class)
@AutoConfigureMockMvc
// Spring's tests switch metrics export off; /actuator/prometheus is part of what is tested.
@AutoConfigureObservability(tracing = false)
@ContextConfiguration(initializers = IsolatedServices.class)
// The business calendar's clock, which tests move forward to close more than one day.
@Import(TestClock.Config.class)
public @interface AtesSpringTest {
}
