package dev.shale.dsl;

import dev.shale.model.Extension;

/**
 * An extension the schema needs, created before anything that uses its types, functions or operator
 * classes: {@code static final PgExtension TRGM = PgExtension.extension("pg_trgm").schema("public");}.
 * Without {@link #version} any installed version is accepted; without {@link #schema} any schema is.
 */
public final class PgExtension {
    private final String name;
    private final SourceLocation location;
    private String schema;
    private String version;

    private PgExtension(String name) {
        this.location = SourceLocation.caller();
        this.name = Table.modelOrFail(location, () -> Extension.of(name)).name();
    }

    /** The extension {@code name} ({@code citext}, {@code pg_trgm}, {@code pgcrypto}). */
    public static PgExtension extension(String name) {
        return new PgExtension(name);
    }

    /** The schema its objects go in ({@code WITH SCHEMA}). */
    public PgExtension schema(String value) {
        this.schema = value;
        toModel();
        return this;
    }

    /** The version to install or update to ({@code VERSION '1.6'}). */
    public PgExtension version(String value) {
        this.version = value;
        return this;
    }

    public String name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    public Extension toModel() {
        return Table.modelOrFail(location, () -> new Extension(name, schema, version));
    }
}
