package dev.shale.introspect;

import dev.shale.diff.Differ;
import dev.shale.diff.RenameDecisions;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Canonical equality: spelling does not matter, meaning does, and the scratch database is left as found. */
class CanonicalizerTest {

    private static final QualifiedName ROLE = QualifiedName.of("role");

    /** Declared with one spelling; the database below is written by hand with another. */
    private static SchemaModel declared() {
        Table users = new Table(QualifiedName.of("users"),
                List.of(new Column("id", ColumnType.Builtin.of(PgType.SERIAL), false, null),
                        new Column("role", new ColumnType.EnumRef(ROLE), true, DefaultValue.expression("'member'::public.role")),
                        new Column("email", ColumnType.Builtin.of(PgType.TEXT), false, null),
                        new Column("n", ColumnType.Builtin.of(PgType.INTEGER), false, DefaultValue.number("0")),
                        new Column("at", ColumnType.Builtin.of(PgType.TIMESTAMPTZ), false,
                                DefaultValue.expression("now() + interval '14 days'"))),
                new PrimaryKey("users_pkey", List.of("id")), List.of(),
                List.of(new Check("users_n_check", "n>=0 AND n<=10 OR role='admin'")), List.of(),
                List.of(new Index("users_email_idx", false, IndexMethod.BTREE, List.of(IndexKey.expression("LOWER(email)")),
                        "email IS NOT NULL")));
        return new SchemaModel(List.of(new EnumType(ROLE, List.of("admin", "member"))), List.of(users), List.of());
    }

    private static final String BY_HAND = """
            CREATE TYPE role AS ENUM ('admin', 'member');
            CREATE TABLE users (id serial PRIMARY KEY, role role NOT NULL DEFAULT 'member', email text,
              n int4 DEFAULT (0), at timestamp with time zone DEFAULT (now() + '14 days'::interval),
              CONSTRAINT users_n_check CHECK (((n >= 0) AND (n <= 10)) OR (role = 'admin'::role)));
            CREATE INDEX users_email_idx ON users (lower(email)) WHERE (email IS NOT NULL);
            """;

    @Test
    void aDatabaseWrittenInAnotherSpellingComparesEqual() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute(BY_HAND);
            SchemaModel live = Introspector.read(c, Set.of("public")).model();
            SchemaModel canonical = Canonicalizer.canonical(declared(), c);
            assertEquals(canonical.tables(), live.tables());
            assertEquals(List.of(), Differ.plan(live, canonical, RenameDecisions.NONE));
            assertFalse(declared().tables().equals(live.tables()), "the declared spelling differs before canonicalization");
        }
    }

    @Test
    void aRealDifferenceStillShows() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute(BY_HAND.replace("DEFAULT (0)", "DEFAULT (1)").replace("WHERE (email IS NOT NULL)", ""));
            SchemaModel live = Introspector.read(c, Set.of("public")).model();
            SchemaModel canonical = Canonicalizer.canonical(declared(), c);
            String plan = Differ.changes(live, canonical, RenameDecisions.NONE).toString();
            assertTrue(plan.contains("users_email_idx"), plan);
            assertTrue(plan.contains("DEFAULT"), plan);
        }
    }

    @Test
    void insideAnOpenTransactionOnlyItsOwnWorkIsUndone() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE public.pending (id int)");
            }
            SchemaModel canonical = Canonicalizer.canonical(declared(), c);
            assertEquals(1, canonical.tables().size());
            assertFalse(c.getAutoCommit());
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT count(*), current_setting('search_path') FROM pg_class WHERE relname IN ('pending', 'users')")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the caller's uncommitted table remains, the canonical objects are gone");
                assertEquals("\"$user\", public", rs.getString(2));
            }
            c.rollback();
        }
    }

    @Test
    void aMissingExternalTableIsNamed() throws SQLException {
        Table users = Table.of(QualifiedName.of("auth", "users"),
                List.of(new Column("id", ColumnType.Builtin.of(PgType.UUID), true, null)));
        SchemaModel model = new SchemaModel(List.of(), FeatureSchema.supabase().tables(), List.of(users));
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            SQLException e = assertThrows(SQLException.class, () -> Canonicalizer.canonical(model, c));
            assertTrue(e.getMessage().contains("\"auth\".\"users\""), e.getMessage());
        }
    }

    @Test
    void identityAndGeneratedColumnsAreManagedNow() throws SQLException {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("CREATE TABLE public.things (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a int,"
                    + " b int GENERATED ALWAYS AS (a * 2) STORED, m money)");
            Introspector.Introspection result = Introspector.read(c, Set.of("public"));
            assertEquals(List.of(), result.notManaged(), "identity and generated columns are part of the model");
            assertEquals(List.of("id", "a", "b", "m"), result.model().tables().get(0).columns().stream().map(Column::name).toList(),
                    "a column of a type the model has no name for is carried by its name");
            assertEquals(dev.shale.model.Identity.always(), result.model().tables().get(0).column("id").identity());
            assertEquals("a * 2", result.model().tables().get(0).column("b").generated());
            assertEquals(ColumnType.named("money"), result.model().tables().get(0).column("m").type());
        }
    }
}
