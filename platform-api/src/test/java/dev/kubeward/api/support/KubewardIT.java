package dev.kubeward.api.support;

import dev.kubeward.api.KubewardApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the whole platform on a random port, on real PostgreSQL and Kafka from
 * {@code TestInfrastructure} (one fresh database per JVM, so every {@code @KubewardIT} class shares one
 * cached context). Not the embedded default: no demo, no embedded servers; the built-in OIDC provider is on.
 * Create data with {@link TenantFixtures}; call the API with {@link ApiClient}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = KubewardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KubewardTestInfrastructure.class)
public @interface KubewardIT {
}
