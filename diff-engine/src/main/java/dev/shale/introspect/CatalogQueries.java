package dev.shale.introspect;

/**
 * The catalog queries one introspection sends: a fixed set, each taking the schema names as one
 * {@code text[]} parameter, so their number never grows with the number of tables. Every query runs
 * with {@code search_path = pg_catalog}, so PostgreSQL qualifies every user type and function it
 * deparses and the text does not depend on the caller's search path.
 */
final class CatalogQueries {
    private CatalogQueries() {}

    /** Remembers the caller's search path and switches to pg_catalog only, in one round trip. */
    static final String SWITCH_PATH =
            "SELECT current_setting('search_path'), set_config('search_path', 'pg_catalog', false)";

    static final String RESTORE_PATH = "SELECT set_config('search_path', ?, false)";

    private static final String USER_NAMESPACE = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** Every user enum with its labels in sort order (enums of other schemas may be column types too). */
    static final String ENUMS = "SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
            + " WHERE " + USER_NAMESPACE + " GROUP BY n.nspname, t.typname ORDER BY 1, 2";

    private static final String ELEMENT = "CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END";

    /** Tables (one row with null column fields for a table without columns) and their columns in order. */
    static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname,"
            + " format_type(" + ELEMENT + ", a.atttypmod),"
            + " (t.typcategory = 'A' AND t.typelem <> 0), et.typtype = 'e', en.nspname, et.typname,"
            + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid, true), a.attidentity::text, a.attgenerated::text,"
            + " (SELECT true FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'"
            + "   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass"
            + "   AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'"
            + "   AND pg_get_expr(d.adbin, d.adrelid) = 'nextval(' || quote_literal(s.oid::regclass::text) || '::regclass)'"
            + "   LIMIT 1)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_type et ON et.oid = " + ELEMENT
            + " LEFT JOIN pg_namespace en ON en.oid = et.typnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)"
            + " ORDER BY n.nspname, c.relname, a.attnum";

    private static String names(String keys, String relation) {
        return "ARRAY(SELECT a.attname::text FROM unnest(" + keys + ") WITH ORDINALITY u(num, ord)"
                + " JOIN pg_attribute a ON a.attrelid = " + relation + " AND a.attnum = u.num ORDER BY u.ord)";
    }

    /** Constraints of the tables, with key columns by name and, for foreign keys, the referenced columns' types. */
    static final String CONSTRAINTS = "SELECT n.nspname, c.relname, k.conname, k.contype::text,"
            + " " + names("k.conkey", "k.conrelid") + ","
            + " fn.nspname, fc.relname, " + names("k.confkey", "k.confrelid") + ","
            + " ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord),"
            + " ARRAY(SELECT a.attnotnull FROM unnest(k.confkey) WITH ORDINALITY u(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord),"
            + " k.confdeltype::text, k.confupdtype::text,"
            + " CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_class fc ON fc.oid = k.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND k.conparentid = 0 AND NOT (c.relispartition AND k.contype = 'c' AND k.coninhcount > 0)"
            + " AND n.nspname = ANY (?)"
            + " ORDER BY 1, 2, 3";

    private static final String PER_KEY = " FROM generate_series(1, i.indnkeyatts) g(k) ORDER BY g.k)";

    /** Indexes that do not back a primary key, unique or exclusion constraint, a row per index with per-key arrays. */
    static final String INDEXES = "SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname::text,"
            + " ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid"
            + "   AND a.attnum = i.indkey[g.k - 1] AND i.indkey[g.k - 1] <> 0)" + PER_KEY + ","
            + " ARRAY(SELECT pg_get_indexdef(i.indexrelid, g.k, true)" + PER_KEY + ","
            + " ARRAY(SELECT i.indoption[g.k - 1]::int" + PER_KEY + ","
            + " pg_get_expr(i.indpred, i.indrelid, true), i.indnatts > i.indnkeyatts"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = ic.relam"
            + " WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
            + "   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))"
            + " ORDER BY 1, 2, 3";

    private static final String QNAME = "quote_ident(n.nspname) || '.' || quote_ident(c.relname)";

    private static final String NOT_FROM_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = %s"
            + " AND e.classid = '%s'::regclass AND e.deptype = 'e')";

    /** Objects in the schemas that the model cannot express, as "kind schema.name". */
    static final String NOT_MANAGED = "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
            + "   WHEN 'f' THEN 'foreign table' WHEN 'S' THEN 'sequence' WHEN 'c' THEN 'composite type'"
            + "   ELSE 'inherited table' END || ' ' || " + QNAME
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?)"
            + " AND (c.relkind IN ('v', 'm', 'f', 'c') OR (c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + "   AND EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid))"
            + "   OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend o WHERE o.objid = c.oid"
            + "     AND o.classid = 'pg_class'::regclass AND o.deptype IN ('a', 'i'))))"
            + String.format(NOT_FROM_EXTENSION, "c.oid", "pg_class")
            + " UNION ALL SELECT 'trigger ' || " + QNAME + " || '.' || quote_ident(tg.tgname)"
            + " FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE NOT tg.tgisinternal AND n.nspname = ANY (?)"
            + " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' ELSE 'function ' END"
            + "   || quote_ident(n.nspname) || '.' || quote_ident(p.proname)"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY (?)"
            + String.format(NOT_FROM_EXTENSION, "p.oid", "pg_proc")
            + " UNION ALL SELECT 'domain ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND n.nspname = ANY (?)"
            + String.format(NOT_FROM_EXTENSION, "t.oid", "pg_type")
            + " UNION ALL SELECT 'exclusion constraint ' || " + QNAME + " || '.' || quote_ident(k.conname)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE k.contype = 'x' AND n.nspname = ANY (?)";

    /** How many {@code text[]} schema parameters {@link #NOT_MANAGED} takes. */
    static final int NOT_MANAGED_PARAMETERS = 5;

    /**
     * Partitioned tables and partitions, a row each: a partition's parent and bound as PostgreSQL prints
     * it, a partitioned table's strategy, its key as {@code pg_get_partkeydef} prints it, and per key the
     * column (null for an expression) and the operator class when it is not the type's default.
     */
    static final String PARTITIONS = "SELECT n.nspname, c.relname, pn.nspname, pc.relname, pg_get_expr(c.relpartbound, c.oid),"
            + " pt.partstrat::text, pg_get_partkeydef(c.oid),"
            + " ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = pt.partattrs[g.k]"
            + "   AND pt.partattrs[g.k] <> 0) FROM generate_series(0, pt.partnatts - 1) g(k) ORDER BY g.k),"
            + " ARRAY(SELECT (SELECT CASE WHEN o.opcdefault THEN NULL ELSE o.opcname::text END FROM pg_opclass o"
            + "   WHERE o.oid = pt.partclass[g.k]) FROM generate_series(0, pt.partnatts - 1) g(k) ORDER BY g.k)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_inherits ih ON ih.inhrelid = c.oid AND c.relispartition"
            + " LEFT JOIN pg_class pc ON pc.oid = ih.inhparent LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace"
            + " LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid"
            + " WHERE c.relkind IN ('r', 'p') AND (c.relispartition OR c.relkind = 'p') AND n.nspname = ANY (?)"
            + " ORDER BY 1, 2";
}
