package dev.shale.change;

import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

/**
 * What a {@link SetComment} comments on: the kind of object, its qualified name and, for a part of an
 * object (a column, or a constraint of a table), the part's name.
 *
 * @param kind the kind of object
 * @param object the object's qualified name; for a column or constraint, its table's; for a schema, a
 *               name whose schema is the schema's name
 * @param part the column's or constraint's name, or null for a whole object
 */
public record CommentTarget(Kind kind, QualifiedName object, String part) {
    /** The kinds of object a comment can be on, with the keyword {@code COMMENT ON} uses. */
    public enum Kind {
        SCHEMA("SCHEMA"), TABLE("TABLE"), COLUMN("COLUMN"), INDEX("INDEX"), CONSTRAINT("CONSTRAINT"), TYPE("TYPE"),
        DOMAIN("DOMAIN"), SEQUENCE("SEQUENCE"), EXTENSION("EXTENSION");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        /** The keyword after {@code COMMENT ON}. */
        public String sql() {
            return sql;
        }
    }

    public CommentTarget {
        if (kind == null || object == null) {
            throw new IllegalArgumentException("a comment target needs a kind and an object");
        }
        boolean needsPart = kind == Kind.COLUMN || kind == Kind.CONSTRAINT;
        if (needsPart) {
            Identifiers.require(kind.name().toLowerCase(java.util.Locale.ROOT), part);
        } else if (part != null) {
            throw new IllegalArgumentException("a comment on a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " names no part, got " + part);
        }
    }

    /** A column of a table. */
    public static CommentTarget column(QualifiedName table, String column) {
        return new CommentTarget(Kind.COLUMN, table, column);
    }
}
