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
            + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND k.conparentid = 0 AND n.nspname = ANY (?)"
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
            + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
            + "   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))"
            + " ORDER BY 1, 2, 3";

    private static final String QNAME = "quote_ident(n.nspname) || '.' || quote_ident(c.relname)";

    private static final String NOT_FROM_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = %s"
            + " AND e.classid = '%s'::regclass AND e.deptype = 'e')";

    /**
     * The schemas of the list that exist ({@code 'schema', name}) and the extensions installed in them
     * ({@code 'extension', name, schema, version}), but not plpgsql, which every database has.
     */
    static final String OBJECTS = "SELECT 'schema', n.nspname::text, NULL::text, NULL::text FROM pg_namespace n"
            + " WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT 'extension', e.extname::text, n.nspname::text, e.extversion FROM pg_extension e"
            + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' AND n.nspname = ANY (?)"
            + " ORDER BY 1, 2";

    /** How many {@code text[]} schema parameters {@link #OBJECTS} takes. */
    static final int OBJECTS_PARAMETERS = 2;

    /**
     * Standalone sequences with their options and OWNED BY column: not those behind an identity column
     * (dependency 'i'), nor those behind a serial column (owned by a column whose default is their
     * nextval, as {@link #COLUMNS} detects serial), nor those of an extension.
     */
    static final String SEQUENCES = "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, tn.nspname, tc.relname, ta.attname"
            + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + "   AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND d.refobjsubid > 0"
            + " LEFT JOIN pg_class tc ON tc.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
            + " LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid"
            + " LEFT JOIN pg_attrdef ad ON ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid"
            + " WHERE n.nspname = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid"
            + "   AND i.deptype = 'i')"
            + " AND NOT COALESCE(pg_get_expr(ad.adbin, ad.adrelid) = 'nextval(' || quote_literal(c.oid::regclass::text)"
            + "   || '::regclass)', false)"
            + String.format(NOT_FROM_EXTENSION, "c.oid", "pg_class")
            + " ORDER BY 1, 2";

    /**
     * Every comment the model holds but a column's, in one query over pg_description: rows of kind
     * (schema, table, sequence, index, constraint, type, domain), schema, name, the table's name for an
     * index or constraint (else null), and the text.
     */
    static final String COMMENTS = "SELECT 'schema', n.nspname, n.nspname, NULL, d.description FROM pg_description d"
            + " JOIN pg_namespace n ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname, NULL,"
            + "   d.description FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass"
            + "   AND d.objoid = c.oid AND d.objsubid = 0 JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE c.relkind IN ('r', 'p', 'S') AND n.nspname = ANY (?)"
            + " UNION ALL SELECT 'index', n.nspname, ic.relname, c.relname, d.description FROM pg_description d"
            + "   JOIN pg_index i ON d.classoid = 'pg_class'::regclass AND d.objoid = i.indexrelid AND d.objsubid = 0"
            + "   JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
            + "   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT 'constraint', n.nspname, k.conname, c.relname, d.description FROM pg_description d"
            + "   JOIN pg_constraint k ON d.classoid = 'pg_constraint'::regclass AND d.objoid = k.oid"
            + "   JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT CASE WHEN t.typtype = 'd' THEN 'domain' ELSE 'type' END, n.nspname, t.typname, NULL,"
            + "   d.description FROM pg_description d JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid"
            + "   JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ANY (?)"
            + " ORDER BY 1, 2, 3, 4";

    /** How many {@code text[]} schema parameters {@link #COMMENTS} takes. */
    static final int COMMENTS_PARAMETERS = 5;

    /** Objects in the schemas that the model cannot express, as "kind schema.name". */
    static final String NOT_MANAGED = "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
            + "   WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'composite type'"
            + "   ELSE 'partition' END || ' ' || " + QNAME
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?)"
            + " AND (c.relkind IN ('v', 'm', 'f', 'c') OR (c.relkind IN ('r', 'p') AND c.relispartition)"
            + ")"
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
}
