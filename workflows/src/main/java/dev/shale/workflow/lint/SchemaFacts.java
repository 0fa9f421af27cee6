package dev.shale.workflow.lint;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Index;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.Locale;
import java.util.Map;

/**
 * What lint knows before a migration runs: the schema of the snapshot before it (null when the project
 * has none, as for a folder of hand-written files), the live tables' sizes when a database was given,
 * and how the migration will be run.
 *
 * @param before the model after the previous migration, or null when unknown
 * @param sizes live table sizes by table, or null when no database was read
 * @param largeRows from how many rows a table counts as large
 * @param largeBytes from how many bytes a table counts as large
 * @param runnerLockTimeout the lock_timeout the runner sets per migration ({@code "10s"}), or null when it sets none
 * @param runnerStatementTimeout the statement_timeout the runner sets, or null
 */
record SchemaFacts(SchemaModel before, Map<QualifiedName, TableSize> sizes, long largeRows, long largeBytes,
                   String runnerLockTimeout, String runnerStatementTimeout) {

    /**
     * A live table's size.
     *
     * @param rows the planner's row estimate ({@code pg_class.reltuples}), or -1 when never analyzed
     * @param bytes {@code pg_total_relation_size}: table, indexes and TOAST
     */
    record TableSize(long rows, long bytes) {
        String describe() {
            String r = rows < 0 ? "rows not yet counted (never analyzed)" : "about " + String.format(Locale.ROOT, "%,d", rows) + " rows";
            return r + ", " + bytes(bytes);
        }

        static String bytes(long b) {
            if (b >= 1L << 30) {
                return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
            }
            if (b >= 1L << 20) {
                return String.format(Locale.ROOT, "%.1f MB", b / (double) (1L << 20));
            }
            return String.format(Locale.ROOT, "%d kB", Math.max(1, b / 1024));
        }
    }

    /** The table as the snapshot before the migration has it, or null. */
    Table table(QualifiedName name) {
        return before == null || name == null ? null : before.table(name);
    }

    /** A column's type before the migration, or null when unknown. */
    ColumnType columnType(QualifiedName table, String column) {
        Table t = table(table);
        if (t == null) {
            return null;
        }
        Column c = t.column(column);
        return c == null ? null : c.type();
    }

    /**
     * A qualified type name read from SQL ({@link TypeNames} reads it as an enum) as what the snapshot says it is: an
     * enum, a domain or a composite type; null when the snapshot holds no type of that name (or holds no schema).
     */
    ColumnType resolve(ColumnType type) {
        if (!(type instanceof ColumnType.EnumRef e)) {
            return type;
        }
        if (before == null) {
            return null;
        }
        if (before.enums().stream().anyMatch(x -> x.name().equals(e.name()))) {
            return type;
        }
        if (before.domains().stream().anyMatch(x -> x.name().equals(e.name()))) {
            return new ColumnType.DomainRef(e.name());
        }
        if (before.compositeTypes().stream().anyMatch(x -> x.name().equals(e.name()))) {
            return new ColumnType.CompositeRef(e.name());
        }
        return null;
    }

    /** Whether the table had a validated check {@code column IS NOT NULL} before the migration. */
    boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
        Table t = table(table);
        if (t == null) {
            return false;
        }
        for (Check c : t.checks()) {
            if (!c.notValid() && isNotNullCheck(c.expression(), column)) {
                return true;
            }
        }
        return false;
    }

    /** The table an index belongs to, by the snapshot, or null. */
    QualifiedName tableOfIndex(String schema, String index) {
        if (before == null) {
            return null;
        }
        for (Table t : before.tables()) {
            if (schema != null && !t.name().schema().equals(schema)) {
                continue;
            }
            for (Index i : t.indexes()) {
                if (i.name().equals(index)) {
                    return t.name();
                }
            }
        }
        return null;
    }

    /** The live size of a table, or null when no database was read or it has no such table. */
    TableSize size(QualifiedName table) {
        return sizes == null || table == null ? null : sizes.get(table);
    }

    boolean large(TableSize s) {
        return s != null && (s.rows() >= largeRows || s.bytes() >= largeBytes);
    }

    /** Whether {@code expression} is {@code column IS NOT NULL}, however parenthesised, quoted or cased. */
    static boolean isNotNullCheck(String expression, String column) {
        String e = expression.toLowerCase(Locale.ROOT).replaceAll("[\"()\\s]", "");
        return e.equals(column.toLowerCase(Locale.ROOT).replace("\"", "") + "isnotnull");
    }
}
