package dev.shale.workflow;

import dev.shale.model.QualifiedName;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A project as every workflow sees it: where its schema code is, where its migrations and snapshots
 * go, which database it talks to and where the migration history lives. A plain value built in code;
 * each front end reads its own configuration (a {@code shale.toml}, a pom, Spring properties) into one.
 *
 * @param root the project root; messages show paths relative to it
 * @param schema where the schema code is
 * @param migrationsDir where migrations go
 * @param snapshotsDir where snapshots go
 * @param databaseUrl the database URL, or null
 * @param migrationsUrl the URL migrations run through (direct, not pooled), or null for {@code databaseUrl}
 * @param migrations the history table and the timeouts migrations run with
 * @param layout how generate names migration files
 * @param schemaFilter the schemas diff, push, pull and check look at
 * @param online whether generate (and check, showing what generate would write) writes online migrations
 * @param postgresVersion the oldest PostgreSQL major version the project's databases run (13 to 17), or null for
 *                        any: generate and check refuse a schema that uses what it lacks, and verification runs on it
 * @param verifyUrl the server verification creates its throwaway database on, or null for an embedded PostgreSQL
 */
public record Project(Path root, SchemaLocation schema, Path migrationsDir, Path snapshotsDir,
                      String databaseUrl, String migrationsUrl, MigrationSettings migrations, MigrationLayout layout,
                      SchemaFilter schemaFilter, OnlineSettings online,
                      Integer postgresVersion, String verifyUrl) {
    public Project {
        Objects.requireNonNull(layout, "layout");
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(schema, "schema");
        migrationsDir = root.resolve(migrationsDir).normalize();
        snapshotsDir = root.resolve(snapshotsDir).normalize();
        Objects.requireNonNull(migrations, "migrations");
        migrationsUrl = migrationsUrl == null ? databaseUrl : migrationsUrl;
        schemaFilter = schemaFilter == null ? SchemaFilter.ALL : schemaFilter;
        online = online == null ? OnlineSettings.OFF : online;
        if (postgresVersion != null && !dev.shale.model.VersionFeatures.supported(postgresVersion)) {
            throw new WorkflowException(WorkflowException.Reason.NOT_CONFIGURED, "postgres version", "PostgreSQL "
                    + postgresVersion + " is older than Shale supports; the oldest is " + dev.shale.model.VersionFeatures.OLDEST);
        }
    }

    /** A project without a target version or a verification server. */
    public Project(Path root, SchemaLocation schema, Path migrationsDir, Path snapshotsDir, String databaseUrl,
                   String migrationsUrl, MigrationSettings migrations, MigrationLayout layout, SchemaFilter schemaFilter,
                   OnlineSettings online) {
        this(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online,
                null, null);
    }

    /** A project with online mode off, without a target version or a verification server. */
    public Project(Path root, SchemaLocation schema, Path migrationsDir, Path snapshotsDir,
                   String databaseUrl, String migrationsUrl, MigrationSettings migrations, MigrationLayout layout,
                   SchemaFilter schemaFilter) {
        this(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter,
                OnlineSettings.OFF);
    }

    /** A project in Shale's own file layout, without a schema filter. */
    public Project(Path root, SchemaLocation schema, Path migrationsDir, Path snapshotsDir,
                   String databaseUrl, String migrationsUrl, MigrationSettings migrations) {
        this(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, MigrationLayout.SHALE, SchemaFilter.ALL);
    }

    /** A project without a schema filter. */
    public Project(Path root, SchemaLocation schema, Path migrationsDir, Path snapshotsDir,
                   String databaseUrl, String migrationsUrl, MigrationSettings migrations, MigrationLayout layout) {
        this(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, SchemaFilter.ALL);
    }

    /** A project in Shale's own file layout. */
    public Project(Path root, SchemaLocation schema, Path migrationsDir, Path snapshotsDir,
                   String databaseUrl, String migrationsUrl, MigrationSettings migrations, SchemaFilter schemaFilter) {
        this(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, MigrationLayout.SHALE, schemaFilter);
    }

    /** A project rooted at {@code root}, with {@code migrations/} and {@code snapshots/} there and no schema or database yet. */
    public static Project at(Path root) {
        return new Project(root, SchemaLocation.NONE, Path.of("migrations"), Path.of("snapshots"), null, null, MigrationSettings.DEFAULT);
    }

    public Project withSchema(SchemaLocation schema) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    /** Relative paths are resolved against the root. */
    public Project withMigrationsDir(Path dir) {
        return new Project(root, schema, dir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    /** Relative paths are resolved against the root. */
    public Project withSnapshotsDir(Path dir) {
        return new Project(root, schema, migrationsDir, dir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    /** Sets the database URL; the migrations URL follows it unless set on its own. */
    public Project withDatabaseUrl(String url) {
        return new Project(root, schema, migrationsDir, snapshotsDir, url,
                Objects.equals(migrationsUrl, databaseUrl) ? url : migrationsUrl, migrations, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    public Project withMigrationsUrl(String url) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, url, migrations, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    public Project withMigrations(MigrationSettings settings) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, settings, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    public Project withLayout(MigrationLayout layout) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online, postgresVersion, verifyUrl);
    }

    public Project withSchemaFilter(SchemaFilter filter) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, filter, online, postgresVersion, verifyUrl);
    }

    /** Sets the target PostgreSQL major version (null: any). */
    public Project withPostgresVersion(Integer version) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online,
                version, verifyUrl);
    }

    /** Sets the server verification uses (null: an embedded PostgreSQL). */
    public Project withVerifyUrl(String url) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, online,
                postgresVersion, url);
    }

    /** The same project, generating online migrations or not. */
    public Project withOnline(OnlineSettings value) {
        return new Project(root, schema, migrationsDir, snapshotsDir, databaseUrl, migrationsUrl, migrations, layout, schemaFilter, value,
                postgresVersion, verifyUrl);
    }

    /** The migration history table, which no comparison reads and no workflow touches. */
    public QualifiedName historyTable() {
        return migrations.historyTable();
    }

    /** A path as messages show it: relative to the project root when inside it. */
    public String show(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.startsWith(root) && !p.equals(root) ? root.relativize(p).toString() : p.toString();
    }

    /** Every place the schema code is looked for, as messages show them. */
    String describeSchemaPlaces() {
        List<Path> places = new java.util.ArrayList<>(schema.sources());
        places.addAll(schema.classpath());
        return places.stream().map(this::show).toList().toString();
    }
}
