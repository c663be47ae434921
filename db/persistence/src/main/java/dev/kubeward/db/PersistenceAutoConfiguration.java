package dev.kubeward.db;

import dev.kubeward.db.crypto.SecretCipher;
import dev.kubeward.db.tenancy.TenantAwareDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * Wires tenancy into every application that uses the database: the DataSource is wrapped so each session
 * carries the thread's tenant (row-level security), Flyway migrates with the schema owner's unwrapped
 * connection, and secrets that must be readable again are encrypted with a key held outside the database.
 */
@AutoConfiguration
public class PersistenceAutoConfiguration {

    @Bean
    static BeanPostProcessor tenantAwareDataSourceWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof TenantAwareDataSource) && "dataSource".equals(beanName)) {
                    return new TenantAwareDataSource(ds);
                }
                return bean;
            }
        };
    }

    /** Migrations run as the schema owner: they create the role that application sessions use. */
    @Bean
    FlywayConfigurationCustomizer ownerConnectionForMigrations(ObjectProvider<DataSource> dataSource) {
        return configuration -> {
            DataSource ds = configuration.getDataSource();
            if (ds instanceof TenantAwareDataSource wrapped) configuration.dataSource(wrapped.getTargetDataSource());
        };
    }

    @Bean
    SecretCipher secretCipher(Environment env) {
        String key = env.getProperty("kubeward.secrets.key");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("kubeward.secrets.key is not set: give it base64 of 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`); the embedded default creates one in its data directory");
        }
        return SecretCipher.fromBase64(key);
    }
}
