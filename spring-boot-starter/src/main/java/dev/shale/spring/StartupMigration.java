package dev.shale.spring;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The start-up migration, run at most once per application context, as soon as the application's
 * DataSource is initialised: every bean that is handed the DataSource (JPA's EntityManagerFactory, a
 * JdbcTemplate, a repository of the application's own) gets it only after pending migrations were
 * applied. {@link ShaleMigrationInitializer} runs it too, for the beans Boot orders after database
 * initializers without their taking the DataSource, and for a DataSource created before this
 * post-processor existed.
 *
 * <p>The DataSource migrated is the one Boot would inject: the only one, or the {@code @Primary} one.
 */
final class StartupMigration implements BeanPostProcessor, BeanFactoryAware {
    private static final Log log = LogFactory.getLog(StartupMigration.class);

    private ConfigurableListableBeanFactory beanFactory;
    private String dataSourceName;
    private boolean dataSourceNameKnown;
    private MigrateResult result;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof DataSource dataSource && beanName.equals(migratedDataSourceName())) {
            ShaleProperties properties = beanFactory.getBean(ShaleProperties.class);
            migrateOnce(() -> ShaleMigrators.create(properties, dataSource));
        }
        return bean;
    }

    /** Applies pending migrations with the migrator given, unless this context did so already; what was applied. */
    synchronized MigrateResult migrateOnce(Supplier<Migrator> migrator) {
        if (result == null) {
            long start = System.nanoTime();
            MigrateResult r = migrator.get().migrate();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (log.isInfoEnabled()) {
                log.info(describe(r, millis));
            }
            result = r;
        }
        return result;
    }

    /** What ran at start-up, or null before the migration ran. */
    synchronized MigrateResult result() {
        return result;
    }

    static String describe(MigrateResult r, long millis) {
        List<AppliedMigration> applied = r.applied();
        if (applied.isEmpty()) {
            return "Shale: the database is up to date (" + r.alreadyApplied() + " migration" + (r.alreadyApplied() == 1 ? "" : "s")
                    + " applied before); checked in " + millis + " ms";
        }
        return "Shale: applied " + applied.size() + " migration" + (applied.size() == 1 ? "" : "s") + " in " + millis + " ms ("
                + applied.stream().map(m -> String.format("%04d_%s", m.version(), m.name())).collect(Collectors.joining(", "))
                + "); " + r.alreadyApplied() + " applied before";
    }

    private synchronized String migratedDataSourceName() {
        if (!dataSourceNameKnown) {
            String[] names = beanFactory.getBeanNamesForType(DataSource.class, true, false);
            List<String> candidates = names.length == 1 ? List.of(names)
                    : Arrays.stream(names).filter(n -> beanFactory.containsBeanDefinition(n) && beanFactory.getMergedBeanDefinition(n).isPrimary()).toList();
            dataSourceName = candidates.size() == 1 ? candidates.get(0) : null;
            dataSourceNameKnown = true;
        }
        return dataSourceName;
    }
}
