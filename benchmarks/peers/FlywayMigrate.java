import org.flywaydb.core.Flyway;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Flyway's migrate as one process, for benchmarks/peers/run.sh: applies every migration in a folder to a
 * database and prints how many it applied. Flyway's per-migration INFO lines are dropped (as in
 * benchmarks/migrate), so neither tool pays for console output.
 *
 *   java -cp <this class, flyway and postgresql jars> FlywayMigrate JDBC_URL FOLDER
 */
public final class FlywayMigrate {
    private static final Logger FLYWAY_LOGGER = Logger.getLogger("org.flywaydb");

    private FlywayMigrate() {}

    public static void main(String[] args) {
        FLYWAY_LOGGER.setLevel(Level.WARNING);
        int applied = Flyway.configure()
                .dataSource(args[0], null, null)
                .locations("filesystem:" + args[1])
                .load()
                .migrate()
                .migrationsExecuted;
        System.out.println("applied " + applied);
    }
}
