package dev.shale.change;

import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

/**
 * What a {@code COMMENT ON} statement is about. Objects that live in a table (a column, an index, a
 * constraint) are named by their table and their own name; a schema by itself.
 *
 * @param kind the kind of object
 * @param name the object's qualified name; for a column, an index or a constraint its table's, and for
 *             a schema {@code schema.schema}
 * @param subName the column, index or constraint name within the table, else null
 */
public record CommentTarget(Kind kind, QualifiedName name, String subName) {
    /** The kinds of object a comment can be set on. */
    public enum Kind { SCHEMA, TABLE, COLUMN, INDEX, CONSTRAINT, TYPE, DOMAIN, SEQUENCE, VIEW, MATERIALIZED_VIEW, POLICY }

    public CommentTarget {
        if (kind == null || name == null) {
            throw new IllegalArgumentException("a comment target needs a kind and a name");
        }
        boolean inTable = kind == Kind.COLUMN || kind == Kind.INDEX || kind == Kind.CONSTRAINT || kind == Kind.POLICY;
        if (inTable) {
            Identifiers.require(kind.name().toLowerCase(java.util.Locale.ROOT) + " of " + name.display(), subName);
        } else if (subName != null) {
            throw new IllegalArgumentException("a " + kind + " comment target has no sub-name, got " + subName);
        }
    }

    public static CommentTarget schema(String schema) {
        return new CommentTarget(Kind.SCHEMA, QualifiedName.of(schema, schema), null);
    }

    public static CommentTarget table(QualifiedName table) {
        return new CommentTarget(Kind.TABLE, table, null);
    }

    public static CommentTarget column(QualifiedName table, String column) {
        return new CommentTarget(Kind.COLUMN, table, column);
    }

    public static CommentTarget index(QualifiedName table, String index) {
        return new CommentTarget(Kind.INDEX, table, index);
    }

    public static CommentTarget constraint(QualifiedName table, String constraint) {
        return new CommentTarget(Kind.CONSTRAINT, table, constraint);
    }

    public static CommentTarget type(QualifiedName type) {
        return new CommentTarget(Kind.TYPE, type, null);
    }

    public static CommentTarget domain(QualifiedName domain) {
        return new CommentTarget(Kind.DOMAIN, domain, null);
    }

    public static CommentTarget sequence(QualifiedName sequence) {
        return new CommentTarget(Kind.SEQUENCE, sequence, null);
    }

    /** A view's comment, or a materialized view's. */
    public static CommentTarget view(QualifiedName view, boolean materialized) {
        return new CommentTarget(materialized ? Kind.MATERIALIZED_VIEW : Kind.VIEW, view, null);
    }

    public static CommentTarget policy(QualifiedName table, String policy) {
        return new CommentTarget(Kind.POLICY, table, policy);
    }

    /** For messages: {@code table app.users}, {@code constraint "users_pkey" on app.users}. */
    public String display() {
        String kindName = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return switch (kind) {
            case SCHEMA -> "schema " + Identifiers.show(name.schema());
            case COLUMN -> "column " + name.display() + "." + Identifiers.show(subName);
            case INDEX, CONSTRAINT, POLICY -> kindName + " " + Identifiers.show(subName) + " on " + name.display();
            default -> kindName + " " + name.display();
        };
    }
}
