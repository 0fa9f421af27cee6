package dev.shale.introspect;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.PgType;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Introspection of databases built from migrations, against the canonical form of their models. */
class IntrospectorTest {

    @Test
    void everyFeatureRoundTrips() throws Exception {
        SchemaModel model = FeatureSchema.all();
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            assertEquals(model.enums(), read.enums());
            for (Table declared : model.tables()) {
                Table t = read.table(declared.name());
                assertEquals(declared.primaryKey(), t.primaryKey());
                assertEquals(declared.uniques(), t.uniques());
                assertEquals(declared.foreignKeys(), t.foreignKeys());
                assertEquals(declared.columns().stream().map(Column::name).toList(), t.columns().stream().map(Column::name).toList());
                for (Column c : declared.columns()) {
                    assertEquals(c.type(), t.column(c.name()).type(), declared.name() + "." + c.name());
                }
            }
            Table every = read.table(FeatureSchema.everyType().name());
            assertNull(every.column("id").defaultValue(), "a serial column's nextval default is its type's");
            assertEquals("'it''s'::text", every.column("t").defaultValue().value());
            assertEquals(FeatureSchema.everyType().indexes().stream().map(i -> i.method() + " " + i.unique() + " " + i.keys().size()).toList(),
                    every.indexes().stream().map(i -> i.method() + " " + i.unique() + " " + i.keys().size()).toList());
            assertEquals(sorted(FeatureSchema.everyType()).keys().subList(0, 3), sorted(every).keys().subList(0, 3));
        }
    }

    private static dev.shale.model.Index sorted(Table t) {
        return t.indexes().stream().filter(i -> i.name().equals("every_sorted")).findFirst().orElseThrow();
    }

    @Test
    void spellingDifferencesCompareEqualAfterCanonicalization() throws Exception {
        SchemaModel model = FeatureSchema.all();
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            try (Connection c = db.connect()) {
                SchemaModel canonical = Canonicalizer.canonical(model, c);
                Table every = canonical.table(FeatureSchema.everyType().name());
                String check = every.checks().stream().filter(k -> k.name().equals("every_qty_range")).findFirst().orElseThrow().expression();
                assertEquals("qty > 0 AND qty < 100", check);
                String role = every.checks().stream().filter(k -> k.name().equals("every_role_known")).findFirst().orElseThrow().expression();
                assertTrue(role.contains("'admin'::public.role"), role);
                assertTrue(canonical.table(FeatureSchema.composite().get(1).name()).column("mood").defaultValue().value()
                        .equals("'happy'::app.mood"));
            }
        }
    }

    @Test
    void supabaseStyleExternalTable() throws Exception {
        SchemaModel model = FeatureSchema.supabase();
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(FeatureSchema.AUTH_SQL);
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            assertEquals(List.of(Table.of(FeatureSchema.AUTH_USERS,
                    List.of(new Column("id", ColumnType.Builtin.of(PgType.UUID), true, null)))), read.externalTables());
            assertEquals(model.tables().get(0).foreignKeys(), read.tables().get(0).foreignKeys());
        }
    }

    @Test
    void queryCountDoesNotGrowWithTables() throws Exception {
        int small = queriesFor(10);
        int large = queriesFor(200);
        assertEquals(small, large);
        // 18, one each for views, routines and triggers, and for policies (with row-level security), privileges and roles
        assertTrue(small <= 24, "introspection sent " + small + " queries");
    }

    /**
     * Reads {@code tables} tables, each with one of every kind of object both coverage issues added
     * (domain, composite type, sequence, identity and generated columns, comments, a partitioned
     * table with two partitions, a view and a materialized view with an index, a function, a trigger,
     * a policy, table and column grants), and gives the number of queries the read sent.
     */
    private static int queriesFor(int tables) throws Exception {
        String reader = dev.shale.testing.RandomAccess.ROLES.get(0);
        StringBuilder sql = new StringBuilder("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
                CREATE TYPE public.kind AS ENUM ('a', 'b');
                CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                """);
        for (int i = 0; i < tables; i++) {
            String t = "public.t" + i;
            sql.append("CREATE DOMAIN public.d").append(i).append(" AS text NOT NULL DEFAULT 'x' CHECK (VALUE <> '');\n")
                    .append("CREATE TYPE public.c").append(i).append(" AS (x integer, y text);\n")
                    .append("CREATE SEQUENCE public.s").append(i).append(" AS integer START 10 INCREMENT 5 CACHE 2;\n")
                    .append("CREATE TABLE ").append(t).append(" (id serial PRIMARY KEY, name public.d").append(i)
                    .append(", kind public.kind, pair public.c").append(i).append(", parent integer")
                    .append(i > 0 ? " REFERENCES public.t" + (i - 1) + " (id)" : "")
                    .append(", n bigint GENERATED ALWAYS AS IDENTITY (START 7), name_len integer GENERATED ALWAYS AS (length(name)) STORED")
                    .append(", CONSTRAINT t").append(i).append("_name_check CHECK (name <> ''));\n")
                    .append("CREATE INDEX t").append(i).append("_name_idx ON ").append(t).append(" USING gin (name gin_trgm_ops);\n")
                    .append("COMMENT ON TABLE ").append(t).append(" IS 'table ").append(i).append("';\n")
                    .append("COMMENT ON COLUMN ").append(t).append(".name IS 'its name';\n")
                    .append("COMMENT ON INDEX public.t").append(i).append("_name_idx IS 'trigrams';\n")
                    .append("COMMENT ON CONSTRAINT t").append(i).append("_name_check ON ").append(t).append(" IS 'not empty';\n")
                    .append("CREATE TABLE public.p").append(i).append(" (at date NOT NULL, v integer) PARTITION BY RANGE (at);\n")
                    .append("CREATE TABLE public.p").append(i).append("_2025 PARTITION OF public.p").append(i)
                    .append(" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\n")
                    .append("CREATE TABLE public.p").append(i).append("_rest PARTITION OF public.p").append(i).append(" DEFAULT;\n")
                    .append("CREATE VIEW public.v").append(i).append(" AS SELECT id, name FROM ").append(t).append(" WHERE kind = 'a';\n")
                    .append("CREATE MATERIALIZED VIEW public.m").append(i).append(" AS SELECT kind, count(*) AS n FROM ").append(t)
                    .append(" GROUP BY kind WITH NO DATA;\n")
                    .append("CREATE INDEX m").append(i).append("_kind_idx ON public.m").append(i).append(" (kind);\n")
                    .append("CREATE FUNCTION public.f").append(i).append("(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x + ")
                    .append(i).append("';\n")
                    .append("CREATE TRIGGER t").append(i).append("_touch BEFORE UPDATE ON ").append(t)
                    .append(" FOR EACH ROW EXECUTE FUNCTION public.touch();\n")
                    .append("ALTER TABLE ").append(t).append(" ENABLE ROW LEVEL SECURITY;\n")
                    .append("CREATE POLICY t").append(i).append("_read ON ").append(t).append(" FOR SELECT TO ").append(reader)
                    .append(" USING (kind = 'a');\n")
                    .append("GRANT SELECT ON ").append(t).append(", public.v").append(i).append(" TO ").append(reader).append(";\n")
                    .append("GRANT UPDATE (name) ON ").append(t).append(" TO ").append(reader).append(";\n");
        }
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            dev.shale.testing.RandomAccess.ensureRoles(db);
            db.execute(sql.toString());
            Introspector.Introspection result = Introspector.read(c, java.util.Set.of("public"));
            SchemaModel m = result.model();
            assertEquals(List.of(), result.notManaged());
            assertEquals(tables * 4, m.tables().size(), "a table and a partitioned table with two partitions each");
            assertEquals(tables, m.domains().size());
            assertEquals(tables, m.compositeTypes().size());
            assertEquals(tables, m.sequences().size());
            assertEquals(tables * 2, m.views().size());
            assertEquals(tables + 1, m.routines().size());
            assertEquals(tables, m.triggers().size());
            assertEquals(tables, m.policies().size());
            assertEquals(tables * 3, m.grants().size(), "SELECT on the table and its view, UPDATE (name) on the table");
            assertEquals(List.of("pg_trgm"), m.extensions().stream().map(dev.shale.model.Extension::name).toList());
            Table t1 = m.table(dev.shale.model.QualifiedName.of("t1"));
            assertEquals(1, t1.indexes().size());
            assertEquals("table 1", t1.comment());
            assertTrue(t1.column("n").identity() != null, "identity column read");
            assertTrue(t1.column("name_len").generated() != null, "generated column read");
            assertTrue(m.table(dev.shale.model.QualifiedName.of("p1")).partitioning() != null, "partitioned table read");
            assertEquals(dev.shale.model.QualifiedName.of("p1"), m.table(dev.shale.model.QualifiedName.of("p1_rest")).partitionOf().parent());
            return result.queries();
        }
    }

    @Test
    void readsWithoutJitAndGivesTheCallerItsSettingsBack() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("CREATE SCHEMA app; CREATE TABLE app.t (id integer PRIMARY KEY)");
            try (var st = c.createStatement()) {
                st.execute("SET search_path = app, public");
                st.execute("SET jit = on");
                Introspector.read(c, java.util.Set.of("app"));
                try (var rs = st.executeQuery("SELECT current_setting('search_path'), current_setting('jit')")) {
                    rs.next();
                    assertEquals("app, public", rs.getString(1));
                    assertEquals("on", rs.getString(2));
                }
            }
        }
    }

    @Test
    void objectsTheModelCannotExpressAreListed() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("""
                    CREATE TABLE public.items (id integer PRIMARY KEY, name text);
                    CREATE VIEW public.item_names AS SELECT name FROM public.items;
                    CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                    CREATE TRIGGER items_touch BEFORE UPDATE ON public.items FOR EACH ROW EXECUTE FUNCTION public.touch();
                    CREATE SEQUENCE public.loose_seq;
                    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC;
                    """);
            Introspector.Introspection result = Introspector.read(c, java.util.Set.of("public"));
            assertEquals(List.of("default privileges of " + c.getMetaData().getUserName() + " on tables in schema public"),
                    result.notManaged(), "a standalone sequence, a view, a function and a trigger are managed; default privileges are not");
            assertEquals(1, result.model().views().size());
            assertEquals(1, result.model().routines().size());
            assertEquals(1, result.model().triggers().size());
            assertEquals(1, result.model().sequences().size());
            assertEquals(1, result.model().tables().size());
            assertEquals("\"$user\", public", db.strings("SHOW search_path").get(0));
        }
    }

    /** An extension's type, a domain in another schema and one in public: none of them created by Shale. */
    static final String NAMED_TYPES_SQL = """
            CREATE EXTENSION citext;
            CREATE SCHEMA app;
            CREATE DOMAIN app.positive_amount AS numeric(12,2) CHECK (VALUE > 0);
            CREATE DOMAIN public.short_code AS varchar(8) NOT NULL;
            """;

    @Test
    void aColumnOfAnyTypeIsCarriedByItsName() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute(NAMED_TYPES_SQL + """
                    CREATE TABLE public.docs (id integer PRIMARY KEY, email citext NOT NULL UNIQUE, body tsvector,
                        spot point, price money DEFAULT 0, amount app.positive_amount, code short_code,
                        aliases citext[], flags bit varying(8), at time(3) without time zone, "Mixed" public.citext);
                    """);
            Introspector.Introspection result = Introspector.read(c, java.util.Set.of("public"));
            Table docs = result.model().table(dev.shale.model.QualifiedName.of("docs"));
            assertEquals(List.of("integer", "named:citext", "named:tsvector", "named:point", "named:money", "named:app.positive_amount",
                    "domain:public.short_code", "named:citext[]", "named:bit varying(8)", "named:time(3) without time zone", "named:citext"),
                    docs.columns().stream().map(col -> col.type().spec()).toList());
            assertEquals(List.of(), result.notManaged(), "the columns are carried; the domain in public is managed");
            assertEquals(List.of("public.short_code"), result.model().domains().stream().map(d -> d.name().key()).toList(),
                    "app.positive_amount lives in a schema not read: a type known by name");
            assertEquals(List.of("email"), docs.uniques().get(0).columns());
        }
    }

    @Test
    void namedTypesRoundTripFromTheModel() throws Exception {
        Table docs = new Table(dev.shale.model.QualifiedName.of("docs"), List.of(
                new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true, null),
                new Column("email", ColumnType.named("citext"), true, dev.shale.model.DefaultValue.string("nobody@example.com")),
                new Column("body", ColumnType.named("tsvector"), false, null),
                new Column("spot", ColumnType.named("point"), false, null),
                new Column("price", ColumnType.named("money"), false, null),
                new Column("amount", ColumnType.named("app.positive_amount"), false, null),
                new Column("code", new ColumnType.DomainRef(dev.shale.model.QualifiedName.of("short_code")), false, null),
                new Column("aliases", new ColumnType.ArrayOf(ColumnType.named("citext")), false, null),
                new Column("flags", ColumnType.named("bit varying(8)"), false, null)),
                new dev.shale.model.PrimaryKey("docs_pkey", List.of("id")),
                List.of(new dev.shale.model.Unique("docs_email_key", List.of("email"))), List.of(), List.of(),
                List.of(new dev.shale.model.Index("docs_body_idx", false, dev.shale.model.IndexMethod.GIN,
                        List.of(dev.shale.model.IndexKey.column("body")), null)));
        SchemaModel model = SchemaModel.builder().tables(List.of(docs)).domains(List.of(new dev.shale.model.Domain(
                dev.shale.model.QualifiedName.of("short_code"), ColumnType.parse("varchar(8)"), true, null, null, List.of(), null)))
                .build();
        try (TestDatabase db = TestDatabase.create()) {
            db.execute(NAMED_TYPES_SQL.replace("CREATE DOMAIN public.short_code AS varchar(8) NOT NULL;", ""));
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            assertEquals(docs.columns().stream().map(Column::type).toList(),
                    read.tables().get(0).columns().stream().map(Column::type).toList(), "introspected as declared");
        }
    }
}
