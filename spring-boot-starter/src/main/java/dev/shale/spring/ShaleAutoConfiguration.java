package dev.shale.spring;

import dev.shale.migrator.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/**
 * Applies pending Shale migrations at start-up, before anything that uses the database, when the
 * application has a DataSource or sets {@code shale.url}; {@code shale.enabled=false} turns it off.
 *
 * <p>One class for Boot 3.5 and 4.0: DataSourceAutoConfiguration changed package in Boot 4, so it is named
 * in both spellings (a name that is not on the classpath is ignored); everything else used here kept its
 * name.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "shale.enabled", matchIfMissing = true)
@Conditional(ShaleAutoConfiguration.DatabaseCondition.class)
@EnableConfigurationProperties(ShaleProperties.class)
public class ShaleAutoConfiguration {

    /** Runs the migration as soon as the DataSource is initialised, before any bean is handed it. */
    @Bean
    static StartupMigration shaleStartupMigration() {
        return new StartupMigration();
    }

    /** Migrations run at start-up even with {@code spring.main.lazy-initialization=true}. */
    @Bean
    static LazyInitializationExcludeFilter shaleLazyInitializationExcludeFilter() {
        return LazyInitializationExcludeFilter.forBeanTypes(ShaleMigrationInitializer.class);
    }

    @Bean
    ShaleMigrationInitializer shaleMigrationInitializer(ShaleProperties properties, ObjectProvider<DataSource> dataSources,
                                                        StartupMigration shaleStartupMigration) {
        return new ShaleMigrationInitializer(properties, dataSources, shaleStartupMigration);
    }

    /** For the application's own use ({@code status()}, {@code pending()}); injecting it implies the migration ran. */
    @Bean
    Migrator shaleMigrator(ShaleMigrationInitializer shaleMigrationInitializer) {
        return shaleMigrationInitializer.migrator();
    }

    /** Boot's database-initialization ordering (spring-boot-sql in Boot 4, spring-boot in 3.5). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer")
    @Import(DatabaseInitializationDependencyConfigurer.class)
    static class InitializationOrdering {
    }

    /** A database to migrate: the application's DataSource, or shale.url. */
    static final class DatabaseCondition extends AnyNestedCondition {
        DatabaseCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(DataSource.class)
        static final class DataSourceBean {
        }

        @ConditionalOnProperty(prefix = "shale", name = "url")
        static final class Url {
        }
    }
}
