package dev.shale.spring;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/**
 * Tells Boot that {@link ShaleMigrationInitializer} initialises the database, so that what Boot orders
 * after database initialization depends on it (registered in {@code META-INF/spring.factories}; the
 * interface kept its name in Boot 4, where it moved to the spring-boot-sql jar).
 */
final class ShaleDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ShaleMigrationInitializer.class);
    }

    /** Flyway's order: before SQL script initialization and JPA schema generation. */
    @Override
    public int getOrder() {
        return 1;
    }
}
