package dev.shale.render;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.Constraint;
import dev.shale.model.ConstraintVisitor;
import dev.shale.model.Exclusion;
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
     * {@code CREATE [UNLOGGED] TABLE} with one column or constraint per line: columns, then the primary
     * key, uniques, checks and exclusions, then {@code WITH (...)}. Foreign keys, indexes and checks added
     * {@code NOT VALID} are separate changes and are not rendered here (PostgreSQL validates an inline
     * check whatever it says, so a NOT VALID check is added after the table to stay NOT VALID).
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
            if (!k.notValid()) {
                lines.add(constraintClause(k));
            }
        }
        for (Exclusion x : table.exclusions()) {
            lines.add(constraintClause(x));
        }
        String create = table.unlogged() ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ";
        String with = OptionsSql.with(table.storage());
        if (lines.isEmpty()) {
            return create + Sql.qualified(table.name()) + " ()" + PartitionSql.partitionBy(table) + with + ";";
        }
        return create + Sql.qualified(table.name()) + " (\n"
                + Sql.INDENT + String.join(",\n" + Sql.INDENT, lines) + "\n)" + PartitionSql.partitionBy(table) + with + ";";
    }

    /** {@code "id" uuid DEFAULT gen_random_uuid() NOT NULL}: the order pg_dump writes. */
    static String columnDefinition(Column column) {
        StringBuilder out = new StringBuilder(Sql.ident(column.name())).append(' ').append(Sql.type(column.type()));
        if (column.collation() != null) {
            out.append(' ').append(ColumnFeatureSql.collate(column.collation()));
        }
        if (column.defaultValue() != null) {
            out.append(" DEFAULT ").append(Sql.defaultValue(column.defaultValue()));
        }
        if (column.identity() != null) {
            out.append(' ').append(ColumnFeatureSql.identity(column.identity()));
        }
        if (column.generated() != null) {
            out.append(' ').append(ColumnFeatureSql.generated(column.generated()));
        }
        if (column.notNull()) {
            out.append(" NOT NULL");
        }
        return out.toString();
    }

    /** {@code ALTER TABLE "s"."t" ADD CONSTRAINT ...;}, with {@code NOT VALID} for a check or foreign key added so. */
    static String addConstraint(QualifiedName table, Constraint constraint) {
        boolean notValid = constraint instanceof Check k && k.notValid() || constraint instanceof ForeignKey fk && fk.notValid();
        return "ALTER TABLE " + Sql.qualified(table) + " ADD " + constraintClause(constraint) + (notValid ? " NOT VALID;" : ";");
    }

    /** {@code CONSTRAINT "name" ...} for any kind of constraint, with its deferral; never NOT VALID. */
    static String constraintClause(Constraint constraint) {
        return constraint.accept(CLAUSE);
    }

    /** What a constraint is called in a comment: {@code foreign key}, {@code check constraint}. */
    static String kind(Constraint constraint) {
        return constraint.kind();
    }

    /**
     * jOOQ for the primary key, unique and foreign key clauses, then the deferral; by hand for CHECK (jOOQ
     * wraps the condition twice), UNIQUE NULLS NOT DISTINCT and EXCLUDE, which jOOQ cannot write.
     */
    private static final ConstraintVisitor<String> CLAUSE = new ConstraintVisitor<>() {
        @Override
        public String visitPrimaryKey(PrimaryKey pk) {
            var named = DSL.constraint(DSL.quotedName(pk.name()));
            return Sql.jooq(named.primaryKey(fields(pk.columns()))) + pk.deferral().sql();
        }

        @Override
        public String visitUnique(Unique u) {
            if (u.nullsNotDistinct()) {
                return "CONSTRAINT " + Sql.ident(u.name()) + " UNIQUE NULLS NOT DISTINCT (" + Sql.idents(u.columns()) + ")"
                        + u.deferral().sql();
            }
            var named = DSL.constraint(DSL.quotedName(u.name()));
            return Sql.jooq(named.unique(fields(u.columns()))) + u.deferral().sql();
        }

        @Override
        public String visitCheck(Check k) {
            return "CONSTRAINT " + Sql.ident(k.name()) + " CHECK " + Sql.parenthesized(k.expression())
                    + (k.noInherit() ? " NO INHERIT" : "");
        }

        @Override
        public String visitForeignKey(ForeignKey fk) {
            var named = DSL.constraint(DSL.quotedName(fk.name()));
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
            return Sql.jooq(onUpdate(step, fk.onUpdate())) + fk.deferral().sql();
        }

        @Override
        public String visitExclusion(Exclusion x) {
            return OptionsSql.exclusion(x);
        }
    };

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
