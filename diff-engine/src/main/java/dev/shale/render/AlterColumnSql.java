package dev.shale.render;

import dev.shale.change.AlterColumn;
import dev.shale.change.ColumnAspect;
import dev.shale.diff.TypeConversions;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.PgType;

import java.util.ArrayList;
import java.util.List;

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
        String column = "ALTER COLUMN " + Sql.ident(to.name());
        boolean typeChanges = change.aspects().contains(ColumnAspect.TYPE);
        boolean using = typeChanges && TypeConversions.needsUsing(from.type(), to.type());
        boolean resetDefault = using && from.defaultValue() != null;
        // After any type change a default is set again, so PostgreSQL stores it typed as the new column
        // type, as CREATE TABLE would: ALTER ... TYPE varchar(50) keeps a text default as ''::text, which
        // then introspects differently from the same column declared afresh (''::character varying).
        boolean setAgain = typeChanges && to.defaultValue() != null;

        List<String> clauses = new ArrayList<>();
        if (resetDefault) {
            clauses.add(column + " DROP DEFAULT");
        }
        if (typeChanges) {
            String type = Sql.typeForAlter(to.type());
            clauses.add(column + " TYPE " + type
                    + (using ? " USING " + usingCast(Sql.ident(to.name()), from.type(), to.type()) : ""));
        }
        if (change.aspects().contains(ColumnAspect.NOT_NULL)) {
            clauses.add(column + (to.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        if (setAgain) {
            clauses.add(column + " SET DEFAULT " + Sql.defaultValue(to.defaultValue()));
        } else if (!resetDefault && change.aspects().contains(ColumnAspect.DEFAULT)) {
            clauses.add(to.defaultValue() == null
                    ? column + " DROP DEFAULT"
                    : column + " SET DEFAULT " + Sql.defaultValue(to.defaultValue()));
        }

        String table = "ALTER TABLE " + Sql.qualified(change.table());
        if (clauses.size() == 1) {
            return table + " " + clauses.get(0) + ";";
        }
        return table + "\n" + Sql.INDENT + String.join(",\n" + Sql.INDENT, clauses) + ";";
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
