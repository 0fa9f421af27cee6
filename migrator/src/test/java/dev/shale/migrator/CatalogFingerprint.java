package dev.shale.migrator;

import dev.shale.testing.TestDatabase;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL's catalog says about a database's user objects, one sorted line per fact (tables,
 * columns, constraints, indexes, enums with labels in order); the idea of diff-engine's test
 * {@code dev.shale.evolution.CatalogFingerprint}, which is package-private there. The history table is
 * left out so a database can be compared before and after the migrator first touched it.
 */
final class CatalogFingerprint {
    private CatalogFingerprint() {}

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' AND c.relname NOT LIKE 'shale\\_migrations%'";

    private static final String RELATION = "quote_ident(n.nspname) || '.' || quote_ident(c.relname)";

    private static final List<String> QUERIES = List.of(
            "SELECT 'table ' || " + RELATION + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA,
            "SELECT 'column ' || " + RELATION + " || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                    + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMA,
            "SELECT 'constraint ' || " + RELATION + " || ' ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid, true)"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_SCHEMA,
            "SELECT 'index ' || pg_get_indexdef(i.indexrelid)"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_SCHEMA,
            "SELECT 'enum ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' ('"
                    + " || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')'"
                    + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') GROUP BY n.nspname, t.typname");

    static String of(TestDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String q : QUERIES) {
            lines.addAll(db.strings(q));
        }
        lines.sort(null);
        return String.join("\n", lines) + "\n";
    }
}
