package dev.shale.property;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog fingerprint of {@code dev.shale.evolution.CatalogFingerprint} (tables, columns with type,
 * NOT NULL and default, constraints, indexes, enums with labels in order), read over an open
 * connection, plus a line per serial column naming the column that owns its sequence. A sequence's own
 * name is not compared: it is fixed when the table is created and a table rename keeps it, while the
 * model (a "serial" column) does not name it; {@code nextval('...'::regclass)} reads as
 * {@code nextval(<owned sequence>)}.
 */
final class Fingerprint {
    private Fingerprint() {}

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

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
                    + " WHERE " + USER_SCHEMA + " GROUP BY n.nspname, t.typname",
            "SELECT 'sequence ' || format_type(q.seqtypid, NULL) || ' owned by ' || " + RELATION + " || '.' || quote_ident(a.attname)"
                    + " FROM pg_sequence q JOIN pg_depend dep ON dep.objid = q.seqrelid AND dep.classid = 'pg_class'::regclass"
                    + " AND dep.deptype = 'a' JOIN pg_class c ON c.oid = dep.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid",
            "SELECT 'unowned sequence ' || " + RELATION + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'S' AND " + USER_SCHEMA + " AND NOT EXISTS (SELECT 1 FROM pg_depend dep"
                    + " WHERE dep.objid = c.oid AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'a')");

    /** The fingerprint as text, a sorted line per fact, ready for a readable assertEquals diff. */
    static String of(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String q : QUERIES) {
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1).replaceAll("nextval\\('(?:[^']|'')*'::regclass\\)", "nextval(<owned sequence>)"));
                    }
                }
            }
        }
        lines.sort(null);
        return String.join("\n", lines) + "\n";
    }

    /** The lines only one side has: "- " only in B built directly, "+ " only in the evolved database. */
    static String difference(String expected, String actual) {
        List<String> e = List.of(expected.split("\n"));
        List<String> a = List.of(actual.split("\n"));
        StringBuilder out = new StringBuilder();
        e.stream().filter(l -> !a.contains(l)).forEach(l -> out.append("- ").append(l).append('\n'));
        a.stream().filter(l -> !e.contains(l)).forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }
}
