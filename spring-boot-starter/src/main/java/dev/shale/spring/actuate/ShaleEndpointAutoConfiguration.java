package dev.shale.spring.actuate;

import dev.shale.spring.ShaleAutoConfiguration;
import dev.shale.spring.ShaleMigrationInitializer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code shale} endpoint, when the application has the actuator and exposes the endpoint
 * ({@code management.endpoints.web.exposure.include=shale}). The annotations used kept their names in
 * Boot 4.
 */
@AutoConfiguration(after = ShaleAutoConfiguration.class)
@ConditionalOnClass(name = {
        "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
        "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
public class ShaleEndpointAutoConfiguration {

    /**
     * Nested, so that its condition, whose class is the actuator's, is read only once the actuator is known
     * to be there (the conditions of one class are all loaded before any is evaluated).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnAvailableEndpoint(endpoint = ShaleEndpoint.class)
    static class Exposed {
        @Bean
        @ConditionalOnBean(ShaleMigrationInitializer.class)
        ShaleEndpoint shaleEndpoint(ShaleMigrationInitializer shaleMigrationInitializer) {
            return new ShaleEndpoint(shaleMigrationInitializer.migrator());
        }
    }
}
