package dev.shale.introspect;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Identity;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Identity, generated, collated and commented columns: migrated, introspected, and equal to the model's canonical form. */
class ColumnFeaturesIntrospectionTest {
    static final QualifiedName ORDERS = QualifiedName.of("app", "orders");

    static final Table TABLE = new Table(ORDERS, List.of(
            Column.of("id", ColumnType.Builtin.of(PgType.BIGINT)).withIdentity(Identity.always()).withComment("the order's number"),
            Column.of("ref", ColumnType.Builtin.of(PgType.INTEGER)).withIdentity(Identity.byDefault().withOptions(
                    new SequenceOptions(null, 1000L, 5L, 10L, 100_000L, 20L, true))),
            Column.of("down", ColumnType.Builtin.of(PgType.SMALLINT)).withIdentity(Identity.byDefault().withOptions(
                    SequenceOptions.DEFAULTS.withIncrement(-1L).withMinValue(-1000L))),
            Column.of("price", ColumnType.Builtin.of(PgType.INTEGER)).withNotNull(true),
            Column.of("quantity", ColumnType.Builtin.of(PgType.INTEGER)).withDefault(DefaultValue.number("1")),
            Column.of("total", ColumnType.Builtin.of(PgType.INTEGER)).withGenerated("price * quantity").withComment("it's computed"),
            Column.of("code", ColumnType.Builtin.of(PgType.TEXT)).withCollation("C"),
            Column.of("label", new ColumnType.ArrayOf(ColumnType.Builtin.of(PgType.VARCHAR))).withCollation("POSIX")
                    .withComment("")),
            new PrimaryKey("orders_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());

    @Test
    void identityGeneratedCollationAndCommentsRoundTrip() throws Exception {
        SchemaModel model = new SchemaModel(List.of(), List.of(TABLE), List.of());
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            SchemaModel read = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            Table t = read.table(ORDERS);
            assertEquals(Identity.always(), t.column("id").identity(), "default options read back as none");
            assertEquals(TABLE.column("ref").identity(), t.column("ref").identity());
            assertEquals(new SequenceOptions(null, null, -1L, -1000L, null, null, false), t.column("down").identity().options());
            assertEquals("price * quantity", t.column("total").generated());
            assertNull(t.column("total").defaultValue(), "the generation expression is not a default");
            assertEquals("C", t.column("code").collation());
            assertEquals("POSIX", t.column("label").collation());
            assertNull(t.column("price").collation());
            assertEquals("the order's number", t.column("id").comment());
            assertEquals("it's computed", t.column("total").comment());
            assertNull(t.column("label").comment());
            try (Connection c = db.connect()) {
                assertEquals(List.of(), Introspector.read(c, Set.of("app")).notManaged());
            }
        }
    }

    @Test
    void aCollationOutsidePgCatalogIsQualifiedAndQuoted() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("""
                    CREATE SCHEMA app;
                    CREATE COLLATION app."Case Blind" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                    CREATE TABLE app.names (n text COLLATE app."Case Blind", m text COLLATE "en-x-icu");
                    """);
            Table t = Introspector.read(c, Set.of("app")).model().table(QualifiedName.of("app", "names"));
            assertEquals("\"app\".\"Case Blind\"", t.column("n").collation());
            assertEquals("en-x-icu", t.column("m").collation());
            SchemaModel model = new SchemaModel(List.of(), List.of(t), List.of());
            assertEquals(t, Canonicalizer.canonical(model, c).table(t.name()), "renders back to the same collation");
        }
    }
}
