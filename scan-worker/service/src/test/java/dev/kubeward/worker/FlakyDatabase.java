package dev.kubeward.worker;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates a database outage for the worker's consumer threads only: while armed, their next connection
 * attempts fail as a refused connection would. Wraps the raw pool before the tenant wrapper does (it runs
 * first), so migrations and test assertions are unaffected.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FlakyDatabase {

    static final AtomicInteger failuresLeft = new AtomicInteger();

    /** The next {@code n} connection attempts of the consumer fail. */
    public static void failNextConnections(int n) {
        failuresLeft.set(n);
    }

    public static int failuresLeft() {
        return failuresLeft.get();
    }

    @Bean
    static BeanPostProcessor flakyDataSourceWrapper() {
        return new Wrapper();
    }

    static final class Wrapper implements BeanPostProcessor, PriorityOrdered {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource ds && "dataSource".equals(beanName) ? new Flaky(ds) : bean;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static final class Flaky extends DelegatingDataSource {
        Flaky(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (Thread.currentThread().getName().startsWith(WorkerConfiguration.CONTAINER)
                    && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SQLTransientConnectionException("injected outage: connection refused", "08001");
            }
            return super.getConnection();
        }
    }
}
