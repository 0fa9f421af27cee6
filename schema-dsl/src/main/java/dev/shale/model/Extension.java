package dev.shale.model;

/**
 * An extension the schema needs ({@code CREATE EXTENSION IF NOT EXISTS}); it is created before anything
 * that uses its types, functions or operator classes.
 *
 * @param name the extension's name ({@code citext}, {@code pg_trgm})
 * @param schema the schema its objects go in, or null for the first schema of the search path
 * @param version the version, or null for the default version
 */
public record Extension(String name, String schema, String version) {
    public Extension {
        Identifiers.require("extension", name);
        if (schema != null) {
            Identifiers.require("extension " + Identifiers.show(name) + " schema", schema);
        }
        if (version != null && version.isBlank()) {
            version = null;
        }
    }

    public static Extension of(String name) {
        return new Extension(name, null, null);
    }

    public Extension withSchema(String value) {
        return new Extension(name, value, version);
    }

    public Extension withVersion(String value) {
        return new Extension(name, schema, value);
    }
}
