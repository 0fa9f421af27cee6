package dev.shale.render;

import dev.shale.change.AlterColumn;
import dev.shale.change.ColumnAspect;
import dev.shale.diff.TypeConversions;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ALTER TABLE ... ALTER COLUMN}: every changed aspect of one column as one statement.
 *
 * <p>Written by hand: jOOQ spells the clause {@code ALTER "c"} without {@code COLUMN}, cannot write a
 * {@code USING} cast to a user enum, and cannot combine clauses into one statement.
 *
 * <p>When the type changes with a {@code USING} cast and the column has a default, PostgreSQL tries
 * to convert the old default without the cast and fails ({@code default for column "c" cannot be cast
 * automatically}). So the statement drops the default first and sets the new one (or the unchanged
 * one again) last; PostgreSQL runs the clauses of one ALTER TABLE in that order (drops, type changes,
 * then defaults) in a single pass over the table.
 */
final class AlterColumnSql {
    private AlterColumnSql() {}

    static String render(AlterColumn change) {
        Column from = change.from();
        Column to = change.to();
        Set<ColumnAspect> aspects = change.aspects();
        String table = "ALTER TABLE " + Sql.qualified(change.table());
        String column = "ALTER COLUMN " + Sql.ident(to.name());
        boolean identity = aspects.contains(ColumnAspect.IDENTITY);
        boolean identityOut = identity && from.identity() != null && to.identity() == null;
        boolean identityIn = identity && from.identity() == null && to.identity() != null;
        boolean serial = aspects.contains(ColumnAspect.SERIAL);
        boolean serialOut = serial && isSerial(from.type());
        boolean serialIn = serial && isSerial(to.type());
        List<String> statements = new ArrayList<>();
        if (identityOut) {
            statements.add(table + " " + column + " DROP IDENTITY;");
        }
        if (serialOut) {
            statements.add(table + " " + column + " DROP DEFAULT;");
            statements.add(ColumnFeatureSql.dropOwnedSequence(change.table(), from));
        }
        if (serialIn) {
            statements.add("CREATE SEQUENCE " + Sql.qualified(ColumnFeatureSql.serialSequenceName(change.table(), to))
                    + " AS " + ColumnFeatureSql.serialStorage(to.type()) + " OWNED BY " + Sql.qualified(change.table())
                    + "." + Sql.ident(to.name()) + ";");
        }

        boolean typeChanges = aspects.contains(ColumnAspect.TYPE) || aspects.contains(ColumnAspect.COLLATION);
        boolean cast = aspects.contains(ColumnAspect.TYPE) && change.using() == null
                && TypeConversions.needsUsing(from.type(), to.type());
        boolean using = cast || aspects.contains(ColumnAspect.TYPE) && change.using() != null;
        boolean resetDefault = using && from.defaultValue() != null;
        // After any type change a default is set again, so PostgreSQL stores it typed as the new column
        // type, as CREATE TABLE would: ALTER ... TYPE varchar(50) keeps a text default as ''::text, which
        // then introspects differently from the same column declared afresh (''::character varying).
        boolean setAgain = typeChanges && to.defaultValue() != null;

        List<String> clauses = new ArrayList<>();
        if (resetDefault) {
            clauses.add(column + " DROP DEFAULT");
        }
        if (aspects.contains(ColumnAspect.GENERATED)) {
            clauses.add(column + " DROP EXPRESSION");
        }
        if (typeChanges) {
            String type = Sql.typeForAlter(to.type());
            // A type change resets the collation to the new type's default; without one, "default" says so.
            boolean backToDefault = aspects.contains(ColumnAspect.COLLATION) && !aspects.contains(ColumnAspect.TYPE);
            String collate = to.collation() != null ? " " + ColumnFeatureSql.collate(to.collation())
                    : backToDefault ? " " + ColumnFeatureSql.collate("default") : "";
            String conversion = change.using() != null ? " USING " + Sql.parenthesized(change.using())
                    : cast ? " USING " + usingCast(Sql.ident(to.name()), from.type(), to.type()) : "";
            clauses.add(column + " TYPE " + type + collate + conversion);
        }
        if (aspects.contains(ColumnAspect.NOT_NULL)) {
            clauses.add(column + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        if (serialIn) {
            clauses.add(column + " SET DEFAULT nextval(" + Sql.literal(Sql.qualified(
                    ColumnFeatureSql.serialSequenceName(change.table(), to))) + "::regclass)");
        } else if (setAgain) {
            clauses.add(column + " SET DEFAULT " + Sql.defaultValue(to.defaultValue()));
        } else if (!resetDefault && aspects.contains(ColumnAspect.DEFAULT)) {
            clauses.add(to.defaultValue() == null
                    ? column + " DROP DEFAULT"
                    : column + " SET DEFAULT " + Sql.defaultValue(to.defaultValue()));
        }
        if (identity && from.identity() != null && to.identity() != null) {
            clauses.add(column + " " + String.join(" ", ColumnFeatureSql.alterIdentity(from.identity(), to.identity(),
                    ((ColumnType.Builtin) to.type()).type())));
        }
        if (clauses.size() == 1) {
            statements.add(table + " " + clauses.get(0) + ";");
        } else if (!clauses.isEmpty()) {
            statements.add(table + "\n" + Sql.INDENT + String.join(",\n" + Sql.INDENT, clauses) + ";");
        }

        if (identityIn) {
            statements.add(table + " " + column + " ADD " + ColumnFeatureSql.identity(to.identity()) + ";");
            statements.add(ColumnFeatureSql.setval(change.table(), to, ColumnFeatureSql.start(to.identity().options()),
                    ColumnFeatureSql.increment(to.identity().options())));
        }
        if (serialIn) {
            statements.add(ColumnFeatureSql.setval(change.table(), to, 1, 1));
        } else if (!serial && isSerial(to.type()) && aspects.contains(ColumnAspect.TYPE)) {
            statements.add("DO $$ BEGIN EXECUTE 'ALTER SEQUENCE ' || " + ColumnFeatureSql.serialSequence(change.table(), to)
                    + " || ' AS " + ColumnFeatureSql.serialStorage(to.type()) + "'; END $$;");
        }
        return String.join("\n", statements);
    }

    private static boolean isSerial(ColumnType type) {
        return type instanceof ColumnType.Builtin b && b.type().isSerial();
    }

    /** {@code role: type text -> "public"."role", set not null, set default}. */
    static String comment(AlterColumn change) {
        List<String> parts = new ArrayList<>();
        if (change.aspects().contains(ColumnAspect.TYPE)) {
            parts.add("type " + Sql.type(change.from().type()) + " -> " + Sql.type(change.to().type()));
        }
        if (change.aspects().contains(ColumnAspect.NOT_NULL)) {
            parts.add(change.to().notNull() ? "set not null" : "drop not null");
        }
        if (change.aspects().contains(ColumnAspect.DEFAULT)) {
            parts.add(change.to().defaultValue() == null ? "drop default" : "set default");
        }
        if (change.aspects().contains(ColumnAspect.COLLATION)) {
            parts.add(change.to().collation() == null ? "default collation" : "collate " + change.to().collation());
        }
        if (change.aspects().contains(ColumnAspect.GENERATED)) {
            parts.add("drop expression");
        }
        if (change.aspects().contains(ColumnAspect.SERIAL)) {
            parts.add(isSerial(change.to().type()) ? "to " + Sql.type(change.to().type()) : "from " + Sql.type(change.from().type()));
        }
        if (change.aspects().contains(ColumnAspect.IDENTITY)) {
            parts.add(change.to().identity() == null ? "drop identity" : change.from().identity() == null
                    ? "add identity" : "alter identity");
        }
        if (change.using() != null) {
            parts.add("using " + change.using());
        }
        return "alter column " + Sql.qualified(change.table()) + "." + Sql.ident(change.to().name())
                + ": " + String.join(", ", parts);
    }

    /**
     * {@code "c"::integer}. PostgreSQL has no cast from an enum, or from a type other than text and
     * varchar into an enum (char(n) would keep its padding); such values go through text first:
     * {@code "c"::text::"public"."role"}.
     */
    static String usingCast(String column, ColumnType from, ColumnType to) {
        ColumnType fromElement = from instanceof ColumnType.ArrayOf a ? a.element() : from;
        ColumnType toElement = to instanceof ColumnType.ArrayOf a ? a.element() : to;
        boolean enumInvolved = fromElement instanceof ColumnType.EnumRef || toElement instanceof ColumnType.EnumRef;
        boolean fromText = fromElement instanceof ColumnType.Builtin b
                && (b.type() == PgType.TEXT || b.type() == PgType.VARCHAR);
        String target = Sql.typeForAlter(to);
        if (enumInvolved && !fromText) {
            String via = from instanceof ColumnType.ArrayOf ? "text[]" : "text";
            return column + "::" + via + "::" + target;
        }
        return column + "::" + target;
    }
}
