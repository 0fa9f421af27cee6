package dev.shale.introspect;

/**
 * The catalog queries one introspection sends: a fixed set, each taking the schema names as one
 * {@code text[]} parameter, so their number never grows with the number of tables. Every query runs
 * with {@code search_path = pg_catalog}, so PostgreSQL qualifies every user type and function it
 * deparses and the text does not depend on the caller's search path.
 */
final class CatalogQueries {
    private CatalogQueries() {}

    /**
     * Remembers the caller's search path and JIT setting, and switches to pg_catalog only and no JIT, in one
     * round trip. The per-key subqueries over {@code generate_series} make the planner guess a thousand rows
     * per index, so a large catalog's estimates pass {@code jit_above_cost} and a server built with LLVM spends
     * about a second compiling the index query alone (N = 1,000: 1.16 s of JIT for a 0.2 s query).
     */
    static final String SWITCH_PATH = "SELECT current_setting('search_path'), current_setting('jit'),"
            + " set_config('search_path', 'pg_catalog', false), set_config('jit', 'off', false)";

    static final String RESTORE_PATH = "SELECT set_config('search_path', ?, false), set_config('jit', ?, false)";

    private static final String USER_NAMESPACE = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** Every user enum with its labels in sort order (enums of other schemas may be column types too). */
    static final String ENUMS = "SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
            + " WHERE " + USER_NAMESPACE + " GROUP BY n.nspname, t.typname ORDER BY 1, 2";

    private static final String ELEMENT = "CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem ELSE t.oid END";

    /**
     * Tables (one row with null column fields for a table without columns) and their columns in order. The
     * last field names the sequence behind a column that may be serial: one the column owns, in the
     * table's schema, that is the column's {@code nextval} default and has a serial's options (start 1,
     * increment 1, min 1, max of the column's type, cache 1, no cycle, {@code AS} the column's type).
     * The column is serial only when that name is also PostgreSQL's own for it ({@code <table>_<column>_seq},
     * see {@link ModelAssembler#columns}); any other owned sequence is a standalone one with an owner.
     */
    static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname,"
            + " format_type(" + ELEMENT + ", a.atttypmod),"
            + " (t.typcategory = 'A' AND t.typelem <> 0), et.typtype = 'e', en.nspname, et.typname,"
            + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid, true), a.attidentity::text, a.attgenerated::text,"
            // only a column of a sequence's type with a default can be serial: the other 90 % skip the lookup
            + " CASE WHEN d.adbin IS NOT NULL AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) THEN"
            + " (SELECT s.relname::text FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'"
            + "   JOIN pg_sequence q ON q.seqrelid = s.oid"
            + "   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass"
            + "   AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'"
            + "   AND pg_get_expr(d.adbin, d.adrelid) = 'nextval(' || quote_literal(s.oid::regclass::text) || '::regclass)'"
            + "   AND s.relnamespace = c.relnamespace AND q.seqtypid = a.atttypid AND q.seqstart = 1"
            + "   AND q.seqincrement = 1 AND q.seqmin = 1 AND q.seqcache = 1 AND NOT q.seqcycle"
            + "   AND q.seqmax = CASE WHEN a.atttypid = 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END"
            + "   LIMIT 1) END"
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
            + " WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)"
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
     * (dependency 'i'), nor those of an extension. Those behind a serial column are here too: the
     * assembler leaves out the ones {@link #COLUMNS} read as serial.
     */
    static final String SEQUENCES = "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart,"
            + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle, tn.nspname, tc.relname, ta.attname"
            + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
            + "   AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND d.refobjsubid > 0"
            + " LEFT JOIN pg_class tc ON tc.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
            + " LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid"
            + " WHERE n.nspname = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid"
            + "   AND i.deptype = 'i')"
            + String.format(NOT_FROM_EXTENSION, "c.oid", "pg_class")
            + " ORDER BY 1, 2";

    /**
     * Every comment the model holds but a column's, in one query over pg_description: rows of kind
     * (schema, table, sequence, index, constraint, type, domain), schema, name, the table's name for an
     * index or constraint (else null), and the text.
     */
    static final String COMMENTS = "SELECT 'schema', n.nspname, n.nspname, NULL, d.description FROM pg_description d"
            + " JOIN pg_namespace n ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid WHERE n.nspname = ANY (?)"
            + " UNION ALL SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' WHEN c.relkind IN ('v', 'm') THEN 'view'"
            + "   ELSE 'table' END, n.nspname, c.relname, NULL,"
            + "   d.description FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass"
            + "   AND d.objoid = c.oid AND d.objsubid = 0 JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE c.relkind IN ('r', 'p', 'S', 'v', 'm') AND n.nspname = ANY (?)"
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

    /**
     * Views and materialized views of the schemas (not an extension's): kind ({@code m} for materialized),
     * the query as {@code pg_get_viewdef} deparses it, reloptions, whether it is populated, and its columns'
     * names and types in order.
     */
    static final String VIEWS = "SELECT n.nspname, c.relname, c.relkind = 'm', pg_get_viewdef(c.oid, true),"
            + " coalesce(c.reloptions, '{}'::text[]), c.relispopulated,"
            + " ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
            + "   AND NOT a.attisdropped ORDER BY a.attnum),"
            + " ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = c.oid"
            + "   AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?)"
            + String.format(NOT_FROM_EXTENSION, "c.oid", "pg_class")
            + " ORDER BY 1, 2";

    /** Objects in the schemas that the model cannot express, as "kind schema.name". */
    static final String NOT_MANAGED = "SELECT CASE c.relkind"
            + "   WHEN 'f' THEN 'foreign table'"
            + "   ELSE 'inherited table' END || ' ' || " + QNAME
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?)"
            + " AND (c.relkind = 'f' OR (c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + "   AND EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid)))"
            + String.format(NOT_FROM_EXTENSION, "c.oid", "pg_class")
            // ALTER DEFAULT PRIVILEGES (Supabase grants its roles everything on new tables this way): what they
            // give a new object shows as its privileges, but the defaults themselves are not modelled
            + " UNION ALL SELECT 'default privileges of ' || quote_ident(pg_get_userbyid(d.defaclrole)) || ' on '"
            + "   || CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'"
            + "   WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE d.defaclobjtype::text END"
            + "   || coalesce(' in schema ' || quote_ident(dn.nspname), '')"
            + " FROM pg_default_acl d LEFT JOIN pg_namespace dn ON dn.oid = d.defaclnamespace"
            + " WHERE d.defaclnamespace = 0 OR dn.nspname = ANY (?)";

    /**
     * The column features beyond type, NOT NULL and default, a row for each column that has one: identity
     * kind and its sequence's options, the generation expression, a collation other than the type's
     * default (by name for pg_catalog's collations, else quoted and schema-qualified), and the comment.
     */
    static final String COLUMN_FEATURES = "SELECT n.nspname, c.relname, a.attname, a.attidentity::text, a.attgenerated::text,"
            + " CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid, true) END,"
            + " format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
            + " CASE WHEN a.attcollation <> t.typcollation THEN CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text"
            + "   ELSE '\"' || replace(cn.nspname, '\"', '\"\"') || '\".\"' || replace(co.collname, '\"', '\"\"') || '\"' END END,"
            + " col_description(c.oid, a.attnum)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace"
            + " LEFT JOIN pg_depend dep ON a.attidentity <> '' AND dep.classid = 'pg_class'::regclass"
            + "   AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum"
            + "   AND dep.deptype = 'i'"
            + " LEFT JOIN pg_sequence s ON s.seqrelid = dep.objid"
            + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)"
            + " AND (a.attidentity <> '' OR a.attgenerated <> '' OR a.attcollation <> t.typcollation"
            + "   OR col_description(c.oid, a.attnum) IS NOT NULL)"
            + " ORDER BY 1, 2, a.attnum";

    /** How many {@code text[]} schema parameters {@link #NOT_MANAGED} takes. */
    static final int NOT_MANAGED_PARAMETERS = 2;

    private static final String OWN_TABLE = " c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)";

    /**
     * A table or a partition: a partition's own indexes and constraints (local ones, not those it holds
     * for its parent's) carry options too; rows for the inherited ones match nothing in the model.
     */
    private static final String TABLE_OR_PARTITION = " c.relkind IN ('r', 'p') AND n.nspname = ANY (?)";

    /** As {@link #TABLE_OR_PARTITION}, and materialized views, which have indexes too. */
    private static final String TABLE_PARTITION_OR_MATERIALIZED_VIEW = " c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (?)";

    /**
     * Per table: UNLOGGED, storage parameters, replica identity and the index it uses. A partitioned table's
     * persistence means nothing (it holds no rows, and ALTER TABLE ... SET UNLOGGED leaves it as it is), so
     * the model refuses it and it reads as logged.
     */
    static final String TABLE_OPTIONS = "SELECT n.nspname, c.relname, c.relpersistence = 'u' AND c.relkind <> 'p',"
            + " coalesce(c.reloptions, '{}'::text[]), c.relreplident::text,"
            + " (SELECT ic.relname::text FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
            + "   WHERE i.indrelid = c.oid AND i.indisreplident LIMIT 1)"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" + OWN_TABLE
            + " ORDER BY 1, 2";

    /**
     * {@code pg_index i}'s NULLS NOT DISTINCT: the column exists from PostgreSQL 15 on; read through the row's JSON
     * so that the same query runs on 13 and 14, where it is null (they have no such indexes).
     */
    private static final String NULLS_NOT_DISTINCT = "(to_jsonb(i) ->> 'indnullsnotdistinct')::boolean";

    /** Per constraint: deferral, validation, NO INHERIT, and NULLS NOT DISTINCT of a unique constraint's index. */
    static final String CONSTRAINT_OPTIONS = "SELECT n.nspname, c.relname, k.conname, k.condeferrable, k.condeferred,"
            + " k.convalidated, k.connoinherit,"
            + " coalesce((SELECT " + NULLS_NOT_DISTINCT + " FROM pg_index i WHERE i.indexrelid = k.conindid AND k.contype = 'u'), false)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE k.conparentid = 0 AND" + TABLE_OR_PARTITION
            + " ORDER BY 1, 2, 3";

    /** Exclusion constraints with their index's method, per-key columns, expressions, sort options and operators. */
    static final String EXCLUSIONS = "SELECT n.nspname, c.relname, k.conname, am.amname::text,"
            + " ARRAY(SELECT (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = i.indrelid"
            + "   AND a.attnum = i.indkey[g.k - 1] AND i.indkey[g.k - 1] <> 0)" + PER_KEY + ","
            + " ARRAY(SELECT pg_get_indexdef(i.indexrelid, g.k, true)" + PER_KEY + ","
            + " ARRAY(SELECT i.indoption[g.k - 1]::int" + PER_KEY + ","
            + " ARRAY(SELECT o.oprname::text FROM unnest(k.conexclop) WITH ORDINALITY u(op, ord)"
            + "   JOIN pg_operator o ON o.oid = u.op ORDER BY u.ord),"
            + " pg_get_expr(i.indpred, i.indrelid, true)"
            + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_index i ON i.indexrelid = k.conindid JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_am am ON am.oid = ic.relam"
            + " WHERE k.contype = 'x' AND k.conparentid = 0 AND" + OWN_TABLE
            + " ORDER BY 1, 2, 3";

    /**
     * Per index (those backing constraints too): INCLUDE columns, NULLS NOT DISTINCT, storage parameters,
     * and per key the collation when it is not the column's (for an expression, its type's) and the
     * operator class when it is not its type's default, else null.
     */
    static final String INDEX_OPTIONS = "SELECT n.nspname, c.relname, ic.relname,"
            + " ARRAY(SELECT a.attname::text FROM generate_series(i.indnkeyatts + 1, i.indnatts) g(k)"
            + "   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[g.k - 1] ORDER BY g.k),"
            + " coalesce(" + NULLS_NOT_DISTINCT + ", false), coalesce(ic.reloptions, '{}'::text[]),"
            + " ARRAY(SELECT CASE WHEN i.indcollation[g.k - 1] <> 0 AND i.indcollation[g.k - 1] <> coalesce("
            + "     (SELECT a.attcollation FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[g.k - 1]"
            + "       AND i.indkey[g.k - 1] <> 0),"
            + "     (SELECT t.typcollation FROM pg_attribute ia JOIN pg_type t ON t.oid = ia.atttypid"
            + "       WHERE ia.attrelid = i.indexrelid AND ia.attnum = g.k))"
            + "   THEN (SELECT co.collname::text FROM pg_collation co WHERE co.oid = i.indcollation[g.k - 1]) END" + PER_KEY + ","
            + " ARRAY(SELECT (SELECT CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END"
            + "   FROM pg_opclass oc WHERE oc.oid = i.indclass[g.k - 1])" + PER_KEY
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE" + TABLE_PARTITION_OR_MATERIALIZED_VIEW
            + " ORDER BY 1, 2, 3";

    /**
     * The type of {@code x} (a pg_type alias) with {@code typmod} as three columns: its element's
     * {@code format_type} text, whether it is an array, and the element as {@code text[]}: kind ({@code e}
     * enum, {@code d} domain, {@code c} composite type, {@code r} a table's row type, else its typtype),
     * schema and name.
     */
    private static String typeColumns(String typmod, String x) {
        String element = "CASE WHEN " + x + ".typcategory = 'A' AND " + x + ".typelem <> 0 THEN " + x + ".typelem ELSE " + x + ".oid END";
        return "format_type(" + element + ", " + typmod + "), (" + x + ".typcategory = 'A' AND " + x + ".typelem <> 0),"
                + " (SELECT ARRAY[CASE WHEN et.typtype = 'c' AND (SELECT r.relkind FROM pg_class r WHERE r.oid = et.typrelid) <> 'c'"
                + "   THEN 'r' ELSE et.typtype::text END, en.nspname::text, et.typname::text]"
                + "   FROM pg_type et JOIN pg_namespace en ON en.oid = et.typnamespace WHERE et.oid = " + element + ")";
    }

    /**
     * Domains of the schemas (not an extension's): name, the name as {@code format_type} writes it, the
     * underlying type (see {@link #typeColumns}: three columns), NOT NULL, default, collation when it is
     * not the underlying type's, and the checks by name with their expressions and validity.
     */
    static final String DOMAINS = "SELECT n.nspname, t.typname, format_type(t.oid, NULL), " + typeColumns("t.typtypmod", "b") + ","
            + " t.typnotnull, pg_get_expr(t.typdefaultbin, 0, true),"
            + " CASE WHEN t.typcollation <> b.typcollation THEN (SELECT co.collname::text FROM pg_collation co WHERE co.oid = t.typcollation) END,"
            + " ARRAY(SELECT k.conname::text FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname),"
            + " ARRAY(SELECT pg_get_expr(k.conbin, 0, true) FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname),"
            + " ARRAY(SELECT NOT k.convalidated FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname)"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type b ON b.oid = t.typbasetype"
            + " WHERE t.typtype = 'd' AND n.nspname = ANY (?)" + String.format(NOT_FROM_EXTENSION, "t.oid", "pg_type")
            + " ORDER BY 1, 2";

    /**
     * Composite types of the schemas (standalone ones, relkind {@code c}, not tables' row types), one row per
     * attribute in order: name, the name as {@code format_type} writes it, attribute name (null for a type
     * without attributes), its type (see {@link #typeColumns}: three columns) and its collation when it is
     * not the type's default.
     */
    static final String COMPOSITES = "SELECT n.nspname, t.typname, format_type(t.oid, NULL), a.attname, "
            + typeColumns("a.atttypmod", "at") + ","
            + " CASE WHEN a.attcollation <> at.typcollation THEN (SELECT co.collname::text FROM pg_collation co WHERE co.oid = a.attcollation) END"
            + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'"
            + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_type at ON at.oid = a.atttypid"
            + " WHERE t.typtype = 'c' AND n.nspname = ANY (?)" + String.format(NOT_FROM_EXTENSION, "t.oid", "pg_type")
            + " ORDER BY 1, 2, a.attnum";

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

    /**
     * Functions, procedures and aggregates not owned by an extension: name, kind, argument names, modes,
     * types ({@code format_type}) and defaults (one per argument, null where none), the result
     * ({@code pg_get_function_result}), language, body ({@code prosrc}, verbatim), volatility, strictness,
     * SECURITY DEFINER, parallel safety, SET options, for an aggregate its state function and type, final
     * function, initial condition and combine function, then the comment, and what the model cannot
     * express yet (a non-default cost or row estimate, LEAKPROOF, a window function, another aggregate kind
     * or an aggregate option beyond those read) as text, or null.
     */
    static final String ROUTINES = "SELECT n.nspname, p.proname, p.prokind::text,"
            + " coalesce(p.proargnames, '{}'::text[]), coalesce(p.proargmodes::text[], '{}'::text[]),"
            + " ARRAY(SELECT format_type(u.t, NULL) FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))"
            + "   WITH ORDINALITY u(t, o) ORDER BY u.o),"
            + " ARRAY(SELECT pg_get_function_arg_default(p.oid, g.o::int)"
            + "   FROM generate_series(1, coalesce(array_length(p.proallargtypes, 1), p.pronargs)) g(o) ORDER BY g.o),"
            + " CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END, l.lanname, p.prosrc, p.provolatile::text,"
            + " p.proisstrict, p.prosecdef, p.proparallel::text, coalesce(p.proconfig, '{}'::text[]),"
            + " a.aggtransfn::regproc::text, format_type(a.aggtranstype, NULL),"
            + " CASE WHEN a.aggfinalfn <> 0 THEN a.aggfinalfn::regproc::text END, a.agginitval,"
            + " CASE WHEN a.aggcombinefn <> 0 THEN a.aggcombinefn::regproc::text END,"
            + " obj_description(p.oid, 'pg_proc'),"
            + " concat_ws(', ',"
            + "   CASE WHEN p.prokind = 'w' THEN 'WINDOW' END,"
            + "   CASE WHEN l.lanname IN ('c', 'internal') AND p.prokind <> 'a' THEN 'LANGUAGE ' || l.lanname END,"
            + "   CASE WHEN l.lanname = 'sql' AND p.prokind IN ('f', 'p') AND p.prosrc = '' THEN 'a BEGIN ATOMIC body' END,"
            + "   CASE WHEN p.proleakproof THEN 'LEAKPROOF' END,"
            + "   CASE WHEN p.prokind <> 'a' AND p.procost <> CASE WHEN l.lanname IN ('c', 'internal') THEN 1 ELSE 100 END"
            + "     THEN 'COST ' || p.procost END,"
            + "   CASE WHEN p.prokind <> 'a' AND p.prorows <> CASE WHEN p.proretset THEN 1000 ELSE 0 END THEN 'ROWS ' || p.prorows END,"
            + "   CASE WHEN p.prosupport <> 0 THEN 'SUPPORT' END,"
            + "   CASE WHEN a.aggkind <> 'n' THEN 'an ordered-set or hypothetical-set aggregate' END,"
            + "   CASE WHEN a.aggserialfn <> 0 OR a.aggdeserialfn <> 0 OR a.aggmtransfn <> 0 OR a.aggsortop <> 0"
            + "     OR a.aggfinalextra OR a.aggfinalmodify <> 'r' OR a.aggtransspace <> 0 THEN 'aggregate options beyond"
            + " SFUNC, STYPE, FINALFUNC, INITCOND and COMBINEFUNC' END)"
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang"
            + " LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid"
            + " WHERE n.nspname = ANY (?)" + String.format(NOT_FROM_EXTENSION, "p.oid", "pg_proc")
            + " ORDER BY 1, 2, pg_get_function_identity_arguments(p.oid)";

    /**
     * User triggers on relations of the schemas (not the internal ones of foreign keys, not the clones
     * a partition inherits from its parent): table, name, {@code tgtype} bits, the UPDATE OF columns in
     * order, {@code pg_get_triggerdef} (for WHEN), the function's schema and name, the arguments as
     * stored ({@code tgargs}), the transition table names, the comment, {@code tgenabled}, whether it is
     * a constraint trigger, and the relation's kind.
     */
    static final String TRIGGERS = "SELECT n.nspname, c.relname, tg.tgname, tg.tgtype::int,"
            + " ARRAY(SELECT a.attname::text FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY u(k, o)"
            + "   JOIN pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = u.k ORDER BY u.o),"
            + " pg_get_triggerdef(tg.oid, true), fn.nspname, p.proname, tg.tgargs, tg.tgoldtable, tg.tgnewtable,"
            + " obj_description(tg.oid, 'pg_trigger'), tg.tgenabled::text, tg.tgconstraint <> 0, c.relkind::text"
            + " FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_proc p ON p.oid = tg.tgfoid JOIN pg_namespace fn ON fn.oid = p.pronamespace"
            + " WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND n.nspname = ANY (?)"
            + String.format(NOT_FROM_EXTENSION, "tg.oid", "pg_trigger")
            + " ORDER BY 1, 2, 3";

    private static final String ROLE_NAME = "CASE WHEN %1$s = 0 THEN 'public' ELSE pg_get_userbyid(%1$s)::text END";

    /**
     * Row-level security and policies of the tables and partitions (a partition has its own: they apply
     * when it is queried directly), in one query: a row of kind {@code rls} per table
     * with row-level security enabled or forced (the two flags in columns 5 and 6), and a row of kind
     * {@code policy} per policy: its name, PERMISSIVE, command letter, roles ({@code public} for PUBLIC),
     * USING and WITH CHECK as PostgreSQL deparses them, and its comment.
     */
    static final String POLICIES = "SELECT 'rls', n.nspname, c.relname, NULL::text, c.relrowsecurity, c.relforcerowsecurity,"
            + " NULL::text, NULL::text[], NULL::text, NULL::text, NULL::text"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND" + TABLE_OR_PARTITION
            + " UNION ALL SELECT 'policy', n.nspname, c.relname, p.polname::text, p.polpermissive, false, p.polcmd::text,"
            + " ARRAY(SELECT " + String.format(ROLE_NAME, "r") + " FROM unnest(p.polroles) r ORDER BY 1),"
            + " pg_get_expr(p.polqual, p.polrelid, true), pg_get_expr(p.polwithcheck, p.polrelid, true),"
            + " obj_description(p.oid, 'pg_policy')"
            + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE" + TABLE_OR_PARTITION
            + " ORDER BY 1, 2, 3, 4";

    /** How many {@code text[]} schema parameters {@link #POLICIES} takes. */
    static final int POLICIES_PARAMETERS = 2;

    /**
     * Whether an entry of {@code pg_default_acl} gives the privilege {@code a} of the row: of owner %1$s, in
     * schema %2$s or for all schemas (0), for objects of kind %3$s.
     */
    private static final String BY_DEFAULT = "EXISTS (SELECT FROM pg_default_acl d CROSS JOIN LATERAL aclexplode(d.defaclacl) x"
            + " WHERE d.defaclrole = %1$s AND d.defaclnamespace IN (0, %2$s) AND d.defaclobjtype = %3$s"
            + " AND x.grantee = a.grantee AND x.privilege_type = a.privilege_type AND x.is_grantable = a.is_grantable)";

    /**
     * Privileges granted on tables (partitions too: a partition has its own, not its parent's), sequences,
     * columns, schemas and functions, one row per privilege (kind, schema, name, function argument types,
     * column, privilege, grantee, grantable, and whether default privileges account for it), from
     * aclexplode. Left out, as PostgreSQL gives them by itself: the owner's own privileges, USAGE on
     * {@code public} and EXECUTE on functions to PUBLIC. Functions of extensions are left out. A privilege
     * is accounted for by default privileges ({@code ALTER DEFAULT PRIVILEGES}, as Supabase grants its roles
     * everything on new tables) when an entry of {@code pg_default_acl} for the object's owner, in its schema
     * or for all schemas, of its kind, gives exactly it.
     */
    static final String PRIVILEGES = "SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, n.nspname,"
            + " c.relname::text, NULL::text, NULL::text, a.privilege_type, " + String.format(ROLE_NAME, "a.grantee") + ", a.is_grantable,"
            + " " + String.format(BY_DEFAULT, "c.relowner", "c.relnamespace", "CASE WHEN c.relkind = 'S' THEN 'S' ELSE 'r' END")
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace CROSS JOIN LATERAL aclexplode(c.relacl) a"
            + " WHERE c.relkind IN ('r', 'p', 'S', 'v', 'm') AND n.nspname = ANY (?) AND a.grantee <> c.relowner"
            + " UNION ALL SELECT 'TABLE', n.nspname, c.relname::text, NULL, att.attname::text, a.privilege_type,"
            + " " + String.format(ROLE_NAME, "a.grantee") + ", a.is_grantable, false"
            + " FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL aclexplode(att.attacl) a"
            + " WHERE att.attacl IS NOT NULL AND att.attnum > 0 AND NOT att.attisdropped AND" + OWN_TABLE
            + " AND a.grantee <> c.relowner"
            + " UNION ALL SELECT 'SCHEMA', n.nspname, n.nspname::text, NULL, NULL, a.privilege_type,"
            + " " + String.format(ROLE_NAME, "a.grantee") + ", a.is_grantable,"
            + " " + String.format(BY_DEFAULT, "n.nspowner", "0", "'n'")
            + " FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) a"
            + " WHERE n.nspname = ANY (?) AND a.grantee <> n.nspowner"
            // what initdb grants PUBLIC on schema public: USAGE, and before PostgreSQL 15 CREATE too
            + " AND NOT (n.nspname = 'public' AND a.grantee = 0 AND (a.privilege_type = 'USAGE'"
            + "   OR a.privilege_type = 'CREATE' AND current_setting('server_version_num')::int < 150000))"
            + " UNION ALL SELECT 'FUNCTION', n.nspname, p.proname::text, oidvectortypes(p.proargtypes), NULL, a.privilege_type,"
            + " " + String.format(ROLE_NAME, "a.grantee") + ", a.is_grantable,"
            + " " + String.format(BY_DEFAULT, "p.proowner", "p.pronamespace", "'f'")
            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace CROSS JOIN LATERAL aclexplode(p.proacl) a"
            + " WHERE n.nspname = ANY (?) AND a.grantee <> p.proowner AND NOT (a.grantee = 0 AND a.privilege_type = 'EXECUTE')"
            + String.format(NOT_FROM_EXTENSION, "p.oid", "pg_proc")
            + " ORDER BY 1, 2, 3, 4, 5, 7, 6";

    /** How many {@code text[]} schema parameters {@link #PRIVILEGES} takes. */
    static final int PRIVILEGES_PARAMETERS = 4;

    /** Every role but PostgreSQL's own (pg_*), with the attributes the model holds. */
    static final String ROLES = "SELECT rolname::text, rolcanlogin, rolinherit, rolcreatedb, rolcreaterole, rolbypassrls,"
            + " rolconnlimit FROM pg_roles WHERE rolname !~ '^pg_' ORDER BY 1";
}
