package dev.shale.introspect;

import dev.shale.dsl.Column;
import dev.shale.dsl.DerivedNames;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.model.SchemaModel;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The names Shale derives for unnamed keys are the names PostgreSQL gives them itself: tables created
 * with unnamed PRIMARY KEY, UNIQUE and REFERENCES clauses, their names read back from pg_constraint,
 * for names of one- to four-byte letters whose derived names must be cut to 63 bytes.
 */
class DerivedNamesPostgresTest {
    /** Table and column name pairs: ASCII, Cyrillic (2 bytes a letter), CJK (3), emoji (4), mixed; most need cutting. */
    static final List<List<String>> NAMES = List.of(
            List.of("users", "email"),
            List.of("t".repeat(60), "c"),
            List.of("д".repeat(30), "c"),
            List.of("д".repeat(31), "имя"),
            List.of("表".repeat(20), "列"),
            List.of("表".repeat(21), "c".repeat(30)),
            List.of("😀".repeat(15), "😀x"),
            List.of("aд表😀".repeat(6), "é".repeat(25)),
            List.of("x" + "é".repeat(31), "y" + "é".repeat(31)));

    @Test
    void derivedNamesEqualTheNamesPostgresqlChooses() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            for (List<String> pair : NAMES) {
                String table = pair.get(0);
                String column = pair.get(1);
                assertTrue(table.getBytes(StandardCharsets.UTF_8).length <= 63, table);
                db.execute("CREATE TABLE " + q(table) + " (id integer PRIMARY KEY, " + q(column) + " text UNIQUE,"
                        + " parent integer REFERENCES " + q(table) + ")");
                Map<String, String> byKind = constraints(c, table);
                assertEquals(Map.of(
                        "f", DerivedNames.of(table, List.of("parent"), "fkey"),
                        "p", DerivedNames.of(table, List.of(), "pkey"),
                        "u", DerivedNames.of(table, List.of(column), "key")), byKind, table + " / " + column);
                db.execute("DROP TABLE " + q(table)); // two long names may cut to the same key name: keep them apart
            }
        }
    }

    /** A legal 60-byte table name of Cyrillic letters with {@code .unique()}, built by the DSL and by PostgreSQL. */
    static final class Cyrillic extends Table {
        public final Column<Integer> id = integer("id").primaryKey();
        public final Column<String> c = text("c").unique();

        Cyrillic() {
            super("д".repeat(30));
        }
    }

    @Test
    void theDslAndPostgresqlAgreeOnAMultibyteTable() throws Exception {
        SchemaModel model = SchemaBuilder.build(List.of(new Cyrillic())).model();
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("CREATE TABLE public." + q("д".repeat(30)) + " (id integer PRIMARY KEY, c text UNIQUE)");
            var table = model.tables().get(0);
            assertEquals(Map.of("p", table.primaryKey().name(), "u", table.uniques().get(0).name()), constraints(c, "д".repeat(30)));
            assertEquals(62, table.uniques().get(0).name().getBytes(StandardCharsets.UTF_8).length);
            SchemaModel read = Introspector.read(c, java.util.Set.of("public")).model();
            assertEquals(table.uniques(), read.tables().get(0).uniques());
            assertEquals(table.primaryKey(), read.tables().get(0).primaryKey());
        }
    }

    private static Map<String, String> constraints(Connection c, String table) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT contype::text, conname::text FROM pg_constraint"
                + " WHERE conrelid = (SELECT oid FROM pg_class WHERE relname = ? AND relnamespace = 'public'::regnamespace)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
