package dev.shale.spring;

import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

import javax.sql.DataSource;

/**
 * The database initializer Boot knows about: beans that Boot orders after database initialization (JPA's
 * EntityManagerFactory, JdbcTemplate, jOOQ, Spring Batch, beans annotated
 * {@code @DependsOnDatabaseInitialization}) are made to depend on this bean, as they are on Flyway's.
 * Usually the migration ran already when the DataSource was initialised (see {@code StartupMigration});
 * then this bean only records what ran.
 */
public final class ShaleMigrationInitializer implements InitializingBean {
    private final ShaleProperties properties;
    private final ObjectProvider<DataSource> dataSources;
    private final StartupMigration startup;
    private Migrator migrator;
    private MigrateResult result;

    ShaleMigrationInitializer(ShaleProperties properties, ObjectProvider<DataSource> dataSources, StartupMigration startup) {
        this.properties = properties;
        this.dataSources = dataSources;
        this.startup = startup;
    }

    @Override
    public void afterPropertiesSet() {
        // Resolve the DataSource first: creating it may run the migration (StartupMigration), and then this is a no-op.
        DataSource dataSource = dataSources.getIfUnique();
        Migrator m = ShaleMigrators.create(properties, dataSource);
        result = startup.migrateOnce(() -> m);
        migrator = m;
    }

    /** The migrator the {@code shale.*} properties configure (the {@code shaleMigrator} bean). */
    public Migrator migrator() {
        return migrator;
    }

    /** What the start-up migration applied (nothing when the database was up to date). */
    public MigrateResult result() {
        return result;
    }
}
