package dev.shale.model;

/**
 * A schema-qualified name: how every object in the model refers to a table or enum, so equality is
 * structural and snapshots need no object graph.
 *
 * @param schema the PostgreSQL schema (namespace), {@code public} by default
 * @param name the object's name within it
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    public static final String DEFAULT_SCHEMA = "public";

    public QualifiedName {
        Identifiers.require("schema name", schema);
        Identifiers.require("name in schema " + Identifiers.show(schema == null ? "" : schema), name);
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(DEFAULT_SCHEMA, name);
    }

    /** The same schema with another name, as a rename produces. */
    public QualifiedName withName(String newName) {
        return new QualifiedName(schema, newName);
    }

    /** {@code "schema"."name"}, the way messages name the object. */
    public String display() {
        return Identifiers.show(schema) + "." + Identifiers.show(name);
    }

    /** {@code schema.name}: the key used in snapshots. */
    public String key() {
        return schema + "." + name;
    }

    @Override
    public int compareTo(QualifiedName o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return key();
    }
}
