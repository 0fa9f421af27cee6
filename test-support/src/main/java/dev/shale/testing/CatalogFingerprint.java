package dev.shale.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL's catalog says about a database's user objects, one sorted line per fact: tables,
 * columns (type by {@code format_type}, NOT NULL, default by {@code pg_get_expr}), constraints by
 * {@code pg_get_constraintdef}, indexes by {@code pg_get_indexdef}, enums with their labels in sort
 * order, a line per serial column naming the column that owns its sequence, a line per table
 * with options (UNLOGGED, storage parameters, replica identity), a line per column with
 * an identity (and its sequence's options), a generation expression, a collation of its own or a comment,
 * domains with their constraints and composite types with their attributes, row-level security, policies and
 * privileges on tables, columns and schemas (but the owner's own). Two databases with
 * equal fingerprints have the same schema as far as Shale models it.
 *
 * <p>Column order is not compared: ADD COLUMN can only append. A sequence's own name is not compared
 * either: it is fixed when the table is created and a table rename keeps it, while the model (a
 * "serial" column) does not name it; {@code nextval('...'::regclass)} reads as
 * {@code nextval(<owned sequence>)}. Partitioned tables add their key ({@code pg_get_partkeydef}) and
 * partitions their parent and bound; a partition's copies of its parent's indexes and keys are compared
 * without their names, which PostgreSQL chooses (and a rename of the partition keeps). Views and
 * materialized views are compared by their options, columns and {@code pg_get_viewdef} text. One class for the evolution, property, migrator and CLI tests.
 */
public final class CatalogFingerprint {
    private CatalogFingerprint() {}

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private static final String RELATION = "quote_ident(n.nspname) || '.' || quote_ident(c.relname)";

    private static List<String> queries(String relationFilter) {
        return List.of(
            "SELECT 'table ' || " + RELATION + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA + relationFilter,
            "SELECT 'column ' || " + RELATION + " || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
                    + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMA + relationFilter,
            "SELECT 'constraint ' || " + RELATION + " || ' ' || CASE WHEN k.conparentid <> 0 THEN '(copy of the parent''s)'"
                    + " ELSE quote_ident(k.conname) END || ' ' || pg_get_constraintdef(k.oid, true)"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_SCHEMA + relationFilter,
            "SELECT 'index ' || CASE WHEN EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)"
                    + " THEN regexp_replace(pg_get_indexdef(i.indexrelid), ' INDEX (\"([^\"]|\"\")*\"|\\S+) ON ', ' INDEX (copy of the parent''s) ON ')"
                    + " ELSE pg_get_indexdef(i.indexrelid) END"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_SCHEMA + relationFilter,
            "SELECT 'enum ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' ('"
                    + " || string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) || ')'"
                    + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE " + USER_SCHEMA + " GROUP BY n.nspname, t.typname",
            "SELECT 'sequence ' || format_type(q.seqtypid, NULL) || ' owned by ' || " + RELATION + " || '.' || quote_ident(a.attname)"
                    + " FROM pg_sequence q JOIN pg_depend dep ON dep.objid = q.seqrelid AND dep.classid = 'pg_class'::regclass"
                    + " AND dep.deptype = 'a' JOIN pg_class c ON c.oid = dep.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid",
            "SELECT 'table options ' || " + RELATION + " || CASE WHEN c.relpersistence = 'u' THEN ' unlogged' ELSE '' END"
                    + " || coalesce(' with ' || array_to_string(c.reloptions, ', '), '')"
                    + " || CASE c.relreplident WHEN 'f' THEN ' replica identity full' WHEN 'n' THEN ' replica identity nothing'"
                    + "   WHEN 'i' THEN ' replica identity ' || coalesce((SELECT ic.relname::text FROM pg_index i"
                    + "     JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisreplident), 'nothing')"
                    + "   ELSE '' END"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMA
                    + relationFilter + " AND (c.relpersistence = 'u' OR c.reloptions IS NOT NULL OR c.relreplident <> 'd')",
            "SELECT 'unowned sequence ' || " + RELATION + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'S' AND " + USER_SCHEMA + relationFilter + " AND NOT EXISTS (SELECT 1 FROM pg_depend dep"
                    + " WHERE dep.objid = c.oid AND dep.classid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i'))",
            "SELECT 'column ' || " + RELATION + " || '.' || quote_ident(a.attname)"
                    + " || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END"
                    + " || coalesce(' (' || format_type(q.seqtypid, NULL) || ' start ' || q.seqstart || ' increment ' || q.seqincrement"
                    + "   || ' min ' || q.seqmin || ' max ' || q.seqmax || ' cache ' || q.seqcache || CASE WHEN q.seqcycle THEN ' cycle' ELSE '' END"
                    + "   || ')', '')"
                    + " || CASE WHEN a.attgenerated = 's' THEN ' generated stored' ELSE '' END"
                    + " || CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || a.attcollation::regcollation::text ELSE '' END"
                    + " || coalesce(' comment ' || quote_literal(col_description(c.oid, a.attnum)), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_type t ON t.oid = a.atttypid"
                    + " LEFT JOIN pg_depend dep ON a.attidentity <> '' AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum"
                    + "   AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'i'"
                    + " LEFT JOIN pg_sequence q ON q.seqrelid = dep.objid"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + USER_SCHEMA + relationFilter
                    + " AND (a.attidentity <> '' OR a.attgenerated <> '' OR a.attcollation <> t.typcollation"
                    + "   OR col_description(c.oid, a.attnum) IS NOT NULL)",
            // a sequence a column owns is named by that column (its own name is fixed when made and kept by a rename)
            "SELECT 'sequence options ' || coalesce((SELECT 'of ' || quote_ident(on_.nspname) || '.' || quote_ident(oc.relname)"
                    + "   || '.' || quote_ident(oa.attname) FROM pg_depend od JOIN pg_class oc ON oc.oid = od.refobjid"
                    + "   JOIN pg_namespace on_ ON on_.oid = oc.relnamespace JOIN pg_attribute oa ON oa.attrelid = od.refobjid"
                    + "   AND oa.attnum = od.refobjsubid WHERE od.objid = c.oid AND od.classid = 'pg_class'::regclass"
                    + "   AND od.refclassid = 'pg_class'::regclass AND od.deptype IN ('a', 'i') LIMIT 1), " + RELATION + ")"
                    + " || ' ' || format_type(q.seqtypid, NULL) || ' ' || q.seqstart"
                    + " || ' ' || q.seqincrement || ' ' || q.seqmin || ' ' || q.seqmax || ' ' || q.seqcache || ' ' || q.seqcycle"
                    + " FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_SCHEMA + relationFilter,
            // every database has public and plpgsql: an empty database fingerprints as nothing
            "SELECT 'schema ' || quote_ident(n.nspname) FROM pg_namespace n WHERE " + USER_SCHEMA + " AND n.nspname <> 'public'",
            "SELECT 'extension ' || e.extname || ' ' || e.extversion || ' in ' || n.nspname FROM pg_extension e"
                    + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'",
            "SELECT 'comment on ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ': ' || d.description"
                    + " FROM pg_description d WHERE d.classoid IN ('pg_class'::regclass, 'pg_constraint'::regclass,"
                    + " 'pg_type'::regclass, 'pg_namespace'::regclass) AND pg_describe_object(d.classoid, d.objoid, d.objsubid)"
                    + " NOT LIKE '%pg_catalog%' AND pg_describe_object(d.classoid, d.objoid, d.objsubid) NOT LIKE '%information_schema%'"
                    + " AND (d.classoid <> 'pg_type'::regclass OR d.objoid >= 16384)"
                    + " AND (d.classoid <> 'pg_namespace'::regclass OR d.objoid >= 16384)"
                    + " AND (d.classoid <> 'pg_class'::regclass OR d.objoid >= 16384)"
                    + " AND (d.classoid <> 'pg_constraint'::regclass OR d.objoid >= 16384)",
            "SELECT 'domain ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' ' || format_type(t.typbasetype, t.typtypmod)"
                    + " || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END || coalesce(' default ' || t.typdefault, '')"
                    + " || CASE WHEN t.typcollation <> b.typcollation THEN ' collate ' || t.typcollation::regcollation::text ELSE '' END"
                    + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype"
                    + " WHERE t.typtype = 'd' AND " + USER_SCHEMA,
            "SELECT 'domain constraint ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' ' || quote_ident(k.conname)"
                    + " || ' ' || pg_get_constraintdef(k.oid, true)"
                    + " FROM pg_constraint k JOIN pg_type t ON t.oid = k.contypid JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE " + USER_SCHEMA,
            "SELECT 'composite type ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' ('"
                    + " || coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + "   || CASE WHEN a.attcollation <> at.typcollation THEN ' collate ' || a.attcollation::regcollation::text ELSE '' END,"
                    + "   ', ' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid"
                    + "   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'"
                    + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid"
                    + " WHERE t.typtype = 'c' AND c.relkind = 'c' AND " + USER_SCHEMA,
            "SELECT 'partition ' || " + RELATION + " || ' of ' || quote_ident(pn.nspname) || '.' || quote_ident(pc.relname)"
                    + " || ' ' || pg_get_expr(c.relpartbound, c.oid)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_inherits ih ON ih.inhrelid = c.oid"
                    + " JOIN pg_class pc ON pc.oid = ih.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
                    + " WHERE c.relispartition AND c.relkind IN ('r', 'p') AND " + USER_SCHEMA + relationFilter,
            "SELECT 'partitioned ' || " + RELATION + " || ' by ' || pg_get_partkeydef(c.oid)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind = 'p' AND " + USER_SCHEMA + relationFilter,
            // functions and procedures as PostgreSQL prints them, aggregates by their parts; not an extension's
            "SELECT CASE WHEN p.prokind = 'a' THEN 'aggregate ' || p.oid::regprocedure::text || ' ' || a.aggtransfn::text"
                    + "   || ' ' || format_type(a.aggtranstype, NULL) || ' ' || a.aggfinalfn::text || ' ' || a.aggcombinefn::text"
                    + "   || ' ' || coalesce(a.agginitval, '-') || ' ' || p.proparallel::text"
                    + "   ELSE 'routine ' || pg_get_functiondef(p.oid) END"
                    + " || coalesce(' comment ' || quote_literal(obj_description(p.oid, 'pg_proc')), '')"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid"
                    + " WHERE " + USER_SCHEMA + " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = p.oid"
                    + "   AND e.classid = 'pg_proc'::regclass AND e.deptype = 'e')",
            "SELECT 'trigger ' || pg_get_triggerdef(tg.oid)"
                    + " || coalesce(' comment ' || quote_literal(obj_description(tg.oid, 'pg_trigger')), '')"
                    + " FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE NOT tg.tgisinternal AND " + USER_SCHEMA + relationFilter,
            // row-level security, policies and privileges (the owner's own left out: its name is the test's user)
            "SELECT 'row security ' || " + RELATION + " || ' enabled ' || c.relrowsecurity || ' forced ' || c.relforcerowsecurity"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND " + USER_SCHEMA + relationFilter,
            "SELECT 'policy ' || " + RELATION + " || ' ' || quote_ident(p.polname) || ' ' || p.polcmd::text"
                    + " || CASE WHEN p.polpermissive THEN ' permissive' ELSE ' restrictive' END || ' to '"
                    + " || (SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END, ',' ORDER BY 1)"
                    + " FROM unnest(p.polroles) r) || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')"
                    + " || coalesce(' check ' || pg_get_expr(p.polwithcheck, p.polrelid), '')"
                    + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + USER_SCHEMA + relationFilter,
            "SELECT 'privilege ' || a.privilege_type || ' on ' || " + RELATION + " || ' to '"
                    + " || CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_get_userbyid(a.grantee)::text END"
                    + " || CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL aclexplode(c.relacl) a"
                    + " WHERE a.grantee <> c.relowner AND " + USER_SCHEMA + relationFilter,
            "SELECT 'privilege ' || a.privilege_type || ' on ' || " + RELATION + " || '.' || quote_ident(att.attname) || ' to '"
                    + " || CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_get_userbyid(a.grantee)::text END"
                    + " FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " CROSS JOIN LATERAL aclexplode(att.attacl) a"
                    + " WHERE att.attacl IS NOT NULL AND att.attnum > 0 AND NOT att.attisdropped AND a.grantee <> c.relowner AND " + USER_SCHEMA + relationFilter,
            "SELECT 'privilege ' || a.privilege_type || ' on schema ' || quote_ident(n.nspname) || ' to '"
                    + " || CASE WHEN a.grantee = 0 THEN 'public' ELSE pg_get_userbyid(a.grantee)::text END"
                    + " FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a"
                    + " WHERE a.grantee <> n.nspowner AND NOT (n.nspname = 'public' AND a.grantee = 0 AND (a.privilege_type = 'USAGE'"
                    + " OR a.privilege_type = 'CREATE' AND current_setting('server_version_num')::int < 150000))"
                    + " AND " + USER_SCHEMA,
            "SELECT CASE c.relkind WHEN 'm' THEN 'materialized view ' ELSE 'view ' END || " + RELATION
                    + " || coalesce(' with ' || (SELECT array_agg(o ORDER BY o) FROM unnest(c.reloptions) o)::text, '') || CASE WHEN c.relispopulated THEN '' ELSE ' (no data)' END"
                    + " || ' (' || coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod),"
                    + " ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')"
                    + " || ') as ' || pg_get_viewdef(c.oid, true)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA + relationFilter);
    }

    /** The fingerprint as text, a sorted line per fact, ready for a readable assertEquals diff. */
    public static String of(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return of(c);
        }
    }

    /** The fingerprint without one table (by name, in any schema), such as the migrator's history table. */
    public static String of(TestDatabase db, String ignoredTable) throws SQLException {
        return text(lines(db, ignoredTable));
    }

    /** The fingerprint over an open connection. */
    public static String of(Connection c) throws SQLException {
        return text(read(c, ""));
    }

    /**
     * The fingerprint's sorted lines without one table, for a test that looks for one line or expects
     * none: an empty list means no user object but that table.
     */
    public static List<String> lines(TestDatabase db, String ignoredTable) throws SQLException {
        try (Connection c = db.connect()) {
            return read(c, " AND c.relname <> '" + ignoredTable.replace("'", "''") + "'");
        }
    }

    /** The lines only one side has: "- " only in {@code expected}, "+ " only in {@code actual}. */
    public static String difference(String expected, String actual) {
        List<String> e = List.of(expected.split("\n"));
        List<String> a = List.of(actual.split("\n"));
        StringBuilder out = new StringBuilder();
        e.stream().filter(l -> !a.contains(l)).forEach(l -> out.append("- ").append(l).append('\n'));
        a.stream().filter(l -> !e.contains(l)).forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<String> read(Connection c, String relationFilter) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (String q : queries(relationFilter)) {
                try (ResultSet rs = st.executeQuery(q)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1).replaceAll("nextval\\('(?:[^']|'')*'::regclass\\)", "nextval(<owned sequence>)"));
                    }
                }
            }
        }
        lines.sort(null);
        return List.copyOf(lines);
    }
}
