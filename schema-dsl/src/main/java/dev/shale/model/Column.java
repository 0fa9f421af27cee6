package dev.shale.model;

/**
 * A table column.
 *
 * @param name the column's name
 * @param type its type
 * @param notNull whether NULL is rejected (primary key, serial and identity columns always are)
 * @param defaultValue the default, or null for none
 * @param identity {@code GENERATED ... AS IDENTITY}, or null
 * @param generated the expression of {@code GENERATED ALWAYS AS (expression) STORED}, or null
 * @param collation the column's collation ({@code "C"}, {@code "de-x-icu"}), or null for the type's default
 * @param comment its comment, or null
 */
public record Column(String name, ColumnType type, boolean notNull, DefaultValue defaultValue, Identity identity,
                     String generated, String collation, String comment) {
    public Column {
        Identifiers.require("column", name);
        String self = "column " + Identifiers.show(name);
        if (type == null) {
            throw new InvalidModelException(self, "type is required");
        }
        if (type instanceof ColumnType.Builtin b && b.type().isSerial()) {
            if (defaultValue != null) {
                throw new InvalidModelException(self,
                        b.type().sql() + " columns get their default from their sequence; remove the default");
            }
            if (identity != null) {
                throw new InvalidModelException(self, b.type().sql() + " columns cannot also be identity columns;"
                        + " use smallint, integer or bigint for an identity");
            }
            notNull = true; // PostgreSQL makes every serial column NOT NULL
        }
        if (generated != null && generated.isBlank()) {
            generated = null;
        }
        if (generated != null && type instanceof ColumnType.Builtin b && b.type().isSerial()) {
            throw new InvalidModelException(self, b.type().sql() + " columns cannot be generated columns");
        }
        if (identity != null) {
            if (!(type instanceof ColumnType.Builtin b) || !(b.type() == PgType.SMALLINT || b.type() == PgType.INTEGER
                    || b.type() == PgType.BIGINT)) {
                throw new InvalidModelException(self, "is an identity column of type " + type.sql()
                        + "; identity columns are smallint, integer or bigint");
            }
            if (defaultValue != null) {
                throw new InvalidModelException(self, "an identity column takes its values from its sequence; remove the default");
            }
            if (generated != null) {
                throw new InvalidModelException(self, "cannot be both an identity and a generated column");
            }
            identity = identity.withOptions(IdentityDefaults.strip(identity.options(), ((ColumnType.Builtin) type).type()));
            if (identity.options().type() != null) {
                throw new InvalidModelException(self, "an identity column's sequence has the column's type " + type.sql()
                        + ", not " + identity.options().type() + "; change the column's type instead");
            }
            notNull = true; // PostgreSQL makes every identity column NOT NULL
        }
        if (generated != null && defaultValue != null) {
            throw new InvalidModelException(self, "a generated column cannot have a default; remove one of them");
        }
        if (collation != null && collation.isBlank()) {
            collation = null;
        }
        comment = Comments.normalize(comment);
    }

    /** A plain column: no identity, not generated, the type's collation, no comment. */
    public Column(String name, ColumnType type, boolean notNull, DefaultValue defaultValue) {
        this(name, type, notNull, defaultValue, null, null, null, null);
    }

    /** A nullable column without a default; add the rest with the {@code with...} methods. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false, null);
    }

    public Column withName(String newName) {
        return new Column(newName, type, notNull, defaultValue, identity, generated, collation, comment);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, type, value, defaultValue, identity, generated, collation, comment);
    }

    public Column withType(ColumnType newType) {
        return new Column(name, newType, notNull, defaultValue, identity, generated, collation, comment);
    }

    /** This column with another default, or none (null). */
    public Column withDefault(DefaultValue newDefault) {
        return new Column(name, type, notNull, newDefault, identity, generated, collation, comment);
    }

    /** This column as an identity column, or not (null); an identity column is NOT NULL. */
    public Column withIdentity(Identity value) {
        return new Column(name, type, notNull, defaultValue, value, generated, collation, comment);
    }

    /** This column generated from {@code expression} (STORED), or not (null). */
    public Column withGenerated(String expression) {
        return new Column(name, type, notNull, defaultValue, identity, expression, collation, comment);
    }

    public Column withCollation(String value) {
        return new Column(name, type, notNull, defaultValue, identity, generated, value, comment);
    }

    public Column withComment(String value) {
        return new Column(name, type, notNull, defaultValue, identity, generated, collation, value);
    }
}
