package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReplicaIdentity;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Constraint, index and table options survive migrate → introspect, and canonical forms compare equal. */
class OptionsIntrospectionTest {
    static final QualifiedName ROOMS = QualifiedName.of("rooms");
    static final QualifiedName BOOKINGS = QualifiedName.of("app", "bookings");

    static Column col(String name, PgType type, boolean notNull) {
        return new Column(name, ColumnType.Builtin.of(type), notNull, null);
    }

    /** Every option of this slice, on two tables. */
    static SchemaModel model() {
        Table rooms = Table.builder(ROOMS)
                .columns(List.of(col("id", PgType.INTEGER, true), col("code", PgType.TEXT, true), col("note", PgType.TEXT, false),
                        col("doc", PgType.JSONB, false), col("floor", PgType.INTEGER, false)))
                .primaryKey(new PrimaryKey("rooms_pkey", List.of("id")))
                .addUnique(new Unique("rooms_code_key", List.of("code")))
                .addUnique(new Unique("rooms_note_floor_key", List.of("note", "floor"), true, Deferral.DEFERRABLE, null))
                .addCheck(new Check("rooms_floor_check", "floor >= 0", true, false, null))
                .addCheck(new Check("rooms_id_check", "id > 0", false, true, null))
                .addIndex(new Index("rooms_code_pattern", false, IndexMethod.BTREE, List.of(
                        new IndexKey("code", null, true, NullsOrder.DEFAULT, "C", "text_pattern_ops")), null,
                        List.of("note", "floor"), false, Map.of("fillfactor", "70"), null))
                .addIndex(new Index("rooms_note_nnd", true, IndexMethod.BTREE, List.of(IndexKey.column("note")), null,
                        List.of(), true, Map.of(), null))
                .addIndex(new Index("rooms_doc_path", false, IndexMethod.GIN,
                        List.of(IndexKey.column("doc").withOpclass("jsonb_path_ops")), null))
                .addIndex(new Index("rooms_note_spgist", false, IndexMethod.SPGIST, List.of(IndexKey.column("note")), null))
                .addIndex(new Index("rooms_floor_code", true, IndexMethod.BTREE,
                        List.of(IndexKey.column("floor"), IndexKey.column("code")), null))
                .storage(Map.of("fillfactor", "80", "autovacuum_enabled", "false"))
                .replicaIdentity(ReplicaIdentity.usingIndex("rooms_code_key"))
                .build();
        Table bookings = Table.builder(BOOKINGS)
                .columns(List.of(col("id", PgType.BIGINT, true), col("room_id", PgType.INTEGER, true),
                        new Column("during", ColumnType.named("tstzrange"), true, null), col("who", PgType.TEXT, false)))
                .primaryKey(new PrimaryKey("bookings_pkey", List.of("id"), Deferral.DEFERRED, null))
                .addForeignKey(new ForeignKey("bookings_room_fkey", List.of("room_id"), ROOMS, List.of("id"), null, null,
                        true, Deferral.DEFERRED, null))
                .addExclusion(new Exclusion("bookings_no_overlap", IndexMethod.GIST, List.of(
                        new Exclusion.Element(IndexKey.column("room_id"), "="),
                        new Exclusion.Element(IndexKey.column("during"), "&&")), List.of("who"), "who IS NOT NULL",
                        Deferral.DEFERRABLE, null))
                .unlogged(false)
                .replicaIdentity(new ReplicaIdentity(ReplicaIdentity.Kind.FULL, null))
                .build();
        Table scratch = Table.builder(QualifiedName.of("app", "scratch"))
                .columns(List.of(col("k", PgType.TEXT, false)))
                .unlogged(true)
                .replicaIdentity(new ReplicaIdentity(ReplicaIdentity.Kind.NOTHING, null))
                .addExclusion(new Exclusion("scratch_k_excl", IndexMethod.HASH, List.of(
                        new Exclusion.Element(IndexKey.expression("lower(k)"), "=")), List.of(), null, null, null))
                .build();
        return SchemaModel.builder().tables(List.of(rooms, bookings, scratch)).build();
    }

    @Test
    void everyOptionIsReadBackAsDeclared() throws Exception {
        SchemaModel model = model();
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("CREATE EXTENSION btree_gist");
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            // The declared options are what PostgreSQL stores: the model reads back unchanged, but for
            // the NOT VALID check, which CREATE TABLE could not hold and a separate ADD CONSTRAINT kept.
            assertEquals(model.table(ROOMS).indexes(), read.table(ROOMS).indexes());
            assertEquals(model.table(ROOMS).uniques(), read.table(ROOMS).uniques());
            assertEquals(model.table(ROOMS).checks(), read.table(ROOMS).checks());
            assertEquals(model.table(ROOMS).storage(), read.table(ROOMS).storage());
            assertEquals(model.table(ROOMS).replicaIdentity(), read.table(ROOMS).replicaIdentity());
            assertEquals(model.table(BOOKINGS).primaryKey(), read.table(BOOKINGS).primaryKey());
            assertEquals(model.table(BOOKINGS).foreignKeys(), read.table(BOOKINGS).foreignKeys());
            assertEquals(model.table(BOOKINGS).replicaIdentity(), read.table(BOOKINGS).replicaIdentity());
            Exclusion x = read.table(BOOKINGS).exclusions().get(0);
            assertEquals(List.of("=", "&&"), x.elements().stream().map(Exclusion.Element::operator).toList());
            assertEquals(List.of("who"), x.include());
            assertEquals(Deferral.DEFERRABLE, x.deferral());
            Table scratch = read.table(QualifiedName.of("app", "scratch"));
            assertEquals(true, scratch.unlogged());
            assertEquals("lower(k)", scratch.exclusions().get(0).elements().get(0).key().expression());
            assertEquals(IndexMethod.HASH, scratch.exclusions().get(0).method());
        }
    }

    @Test
    void exclusionConstraintsAndIncludeIndexesAreNoLongerReportedAsNotManaged() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("""
                    CREATE EXTENSION btree_gist;
                    CREATE TABLE public.slots (id int PRIMARY KEY, during tstzrange, note text,
                        CONSTRAINT slots_excl EXCLUDE USING gist (id WITH =, during WITH &&));
                    CREATE INDEX slots_note ON public.slots (note) INCLUDE (id);
                    CREATE INDEX slots_bloom ON public.slots USING brin (id) WITH (pages_per_range = 16);
                    """);
            Introspector.Introspection result = Introspector.read(c, Set.of("public"));
            assertEquals(List.of(), result.notManaged());
            Table slots = result.model().table(QualifiedName.of("slots"));
            assertEquals(List.of("slots_excl"), slots.exclusions().stream().map(Exclusion::name).toList());
            assertEquals(List.of("id"), slots.indexes().stream().filter(i -> i.name().equals("slots_note")).findFirst()
                    .orElseThrow().include());
            assertEquals(Map.of("pages_per_range", "16"), slots.indexes().get(0).storage());
        }
    }

    @Test
    void aValidatedConstraintSatisfiesANotValidModelAndAnInvalidOneIsValidated() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("""
                    CREATE TABLE public.t (id int PRIMARY KEY, qty int);
                    INSERT INTO public.t VALUES (1, -1);
                    ALTER TABLE public.t ADD CONSTRAINT t_qty_check CHECK (qty > 0) NOT VALID;
                    """);
            Table read = Introspector.read(c, Set.of("public")).model().table(QualifiedName.of("t"));
            assertEquals(true, read.checks().get(0).notValid(), "convalidated is read");
            Table wantValid = read.withChecks(List.of(read.checks().get(0).withNotValid(false)));
            SchemaModel db1 = SchemaModel.builder().tables(List.of(read)).build();
            SchemaModel code = SchemaModel.builder().tables(List.of(wantValid)).build();
            assertEquals("[ValidateConstraint[table=public.t, constraint=" + wantValid.checks().get(0) + "]]",
                    dev.shale.diff.Differ.changes(db1, code, dev.shale.diff.RenameDecisions.NONE).toString());
            assertEquals(List.of(), dev.shale.diff.Differ.changes(code, db1, dev.shale.diff.RenameDecisions.NONE),
                    "PostgreSQL cannot un-validate: a validated check satisfies a NOT VALID model");
            // Validating meets the row that violates the check: the migration fails, as its hazard warns.
            String validate = new dev.shale.render.PostgresRenderer().render(
                    dev.shale.diff.Differ.changes(db1, code, dev.shale.diff.RenameDecisions.NONE).get(0)).sql();
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> db.execute(validate));
            assertEquals("23514", e.getSQLState(), e.getMessage());
            db.execute("UPDATE public.t SET qty = 1 WHERE qty <= 0");
            db.execute(validate);
            Table after = Introspector.read(c, Set.of("public")).model().table(QualifiedName.of("t"));
            assertEquals(wantValid, after, "validated in place, the rows kept");
            assertEquals(List.of("1|1"), db.strings("SELECT id || '|' || qty FROM public.t"));
        }
    }
}
