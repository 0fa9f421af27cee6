package dev.shale.render;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.Constraint;
import dev.shale.model.ForeignKey;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;

/**
 * Column definitions, table constraints and CREATE TABLE.
 *
 * <p>jOOQ or by hand: CREATE TABLE and column definitions are written by hand, because jOOQ cannot
 * type a column with a user enum or an array of one, orders {@code NOT NULL} before {@code DEFAULT},
 * and takes defaults as typed fields rather than the model's raw text. Primary key, unique and foreign
 * key clauses go through jOOQ, whose output is exactly what a person writes
 * ({@code CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "public"."t" ("id") ON DELETE CASCADE}).
 * CHECK is written by hand: jOOQ wraps the condition twice ({@code CHECK ((a > 1))}).
 */
final class TableSql {
    private TableSql() {}

    /**
     * {@code CREATE TABLE} with one column or constraint per line: columns, then the primary key,
     * uniques and checks. Foreign keys and indexes are separate changes and are not rendered here.
     */
    static String createTable(Table table) {
        if (table.isPartition()) {
            return PartitionSql.createPartition(table);
        }
        List<String> lines = new ArrayList<>();
        for (Column c : table.columns()) {
            lines.add(columnDefinition(c));
        }
        if (table.primaryKey() != null) {
            lines.add(constraintClause(table.primaryKey()));
        }
        for (Unique u : table.uniques()) {
            lines.add(constraintClause(u));
        }
        for (Check k : table.checks()) {
            lines.add(constraintClause(k));
        }
        if (lines.isEmpty()) {
            return "CREATE TABLE " + Sql.qualified(table.name()) + " ()" + PartitionSql.partitionBy(table) + ";";
        }
        return "CREATE TABLE " + Sql.qualified(table.name()) + " (\n"
                + Sql.INDENT + String.join(",\n" + Sql.INDENT, lines) + "\n)" + PartitionSql.partitionBy(table) + ";";
    }

    /** {@code "id" uuid DEFAULT gen_random_uuid() NOT NULL}: the order pg_dump writes. */
    static String columnDefinition(Column column) {
        StringBuilder out = new StringBuilder(Sql.ident(column.name())).append(' ').append(Sql.type(column.type()));
        if (column.defaultValue() != null) {
            out.append(" DEFAULT ").append(Sql.defaultValue(column.defaultValue()));
        }
        if (column.notNull()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    /** {@code ALTER TABLE "s"."t" ADD CONSTRAINT ...;}. */
    static String addConstraint(QualifiedName table, Constraint constraint) {
        return "ALTER TABLE " + Sql.qualified(table) + " ADD " + constraintClause(constraint) + ";";
    }

    /** {@code CONSTRAINT "name" ...} for any kind of constraint. */
    static String constraintClause(Constraint constraint) {
        if (constraint instanceof Check k) {
            return "CONSTRAINT " + Sql.ident(k.name()) + " CHECK " + Sql.parenthesized(k.expression());
        }
        return Sql.jooq(jooqConstraint(constraint));
    }

    /** What a constraint is called in a comment: {@code foreign key}, {@code check}. */
    static String kind(Constraint constraint) {
        if (constraint instanceof PrimaryKey) {
            return "primary key";
        }
        if (constraint instanceof Unique) {
            return "unique constraint";
        }
        if (constraint instanceof Check) {
            return "check constraint";
        }
        return "foreign key";
    }

    private static org.jooq.Constraint jooqConstraint(Constraint constraint) {
        var named = DSL.constraint(DSL.quotedName(constraint.name()));
        if (constraint instanceof PrimaryKey pk) {
            return named.primaryKey(fields(pk.columns()));
        }
        if (constraint instanceof Unique u) {
            return named.unique(fields(u.columns()));
        }
        if (constraint instanceof ForeignKey fk) {
            ConstraintForeignKeyOnStep step = named.foreignKey(fields(fk.columns()))
                    .references(DSL.table(DSL.quotedName(fk.referencedTable().schema(), fk.referencedTable().name())),
                            fields(fk.referencedColumns()));
            // NO ACTION is PostgreSQL's default: leave it out, as a person would.
            step = switch (fk.onDelete()) {
                case NO_ACTION -> step;
                case RESTRICT -> step.onDeleteRestrict();
                case CASCADE -> step.onDeleteCascade();
                case SET_NULL -> step.onDeleteSetNull();
                case SET_DEFAULT -> step.onDeleteSetDefault();
            };
            return onUpdate(step, fk.onUpdate());
        }
        throw new IllegalArgumentException("constraint " + constraint.name() + " of kind "
                + constraint.getClass().getSimpleName() + " is rendered by hand, not through jOOQ");
    }

    private static org.jooq.Constraint onUpdate(ConstraintForeignKeyOnStep step, ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> step;
            case RESTRICT -> step.onUpdateRestrict();
            case CASCADE -> step.onUpdateCascade();
            case SET_NULL -> step.onUpdateSetNull();
            case SET_DEFAULT -> step.onUpdateSetDefault();
        };
    }

    private static Field<?>[] fields(List<String> columns) {
        return columns.stream().map(c -> DSL.field(DSL.quotedName(c))).toArray(Field<?>[]::new);
    }
}
