package dev.shale.dsl;

import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Derived names are measured in bytes and cut at character boundaries, as PostgreSQL's makeObjectName
 * does (the PostgreSQL side of the comparison is DerivedNamesPostgresTest in diff-engine).
 */
class DerivedNamesTest {
    /** 30 Cyrillic letters: 60 bytes in UTF-8. */
    static final String CYRILLIC_60 = "д".repeat(30);

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @ParameterizedTest(name = "{0} + {1} + {2}")
    @CsvSource({
            "users, email, key, users_email_key",
            "users, '', pkey, users_pkey",
            "profiles, user_id, fkey, profiles_user_id_fkey"})
    void shortNamesAreJoinedWithUnderscores(String table, String column, String label, String expected) {
        assertEquals(expected, DerivedNames.of(table, column.isEmpty() ? List.of() : List.of(column), label));
    }

    @Test
    void asciiNamesAreCutInBytesPreferringTheLongerPart() {
        String name = DerivedNames.of("t".repeat(60), List.of("c"), "key");
        assertEquals("t".repeat(57) + "_c_key", name);
        assertEquals(63, bytes(name));
        assertEquals("a".repeat(29) + "_" + "b".repeat(29) + "_key",
                DerivedNames.of("a".repeat(40), List.of("b".repeat(40)), "key"), "a tie takes from the columns");
    }

    @Test
    void aSixtyByteMultibyteTableNameWithAUniqueColumnFitsIn63Bytes() {
        String name = DerivedNames.of(CYRILLIC_60, List.of("c"), "key");
        // 63 - "_c_key" leaves 57 bytes for the table: 28 whole letters (56 bytes), not 28.5
        assertEquals("д".repeat(28) + "_c_key", name);
        assertEquals(62, bytes(name));
    }

    @Test
    void neverCutsInsideACharacter() {
        for (String letter : List.of("é", "д", "表", "😀")) {
            for (int n = 1; n <= 40; n++) {
                String table = letter.repeat(n);
                for (String label : List.of("key", "pkey", "fkey")) {
                    String name = DerivedNames.of(table, label.equals("pkey") ? List.of() : List.of("col_" + letter), label);
                    assertTrue(bytes(name) <= 63, name + " is " + bytes(name) + " bytes");
                    assertTrue(name.endsWith("_" + label), name);
                    assertEquals(name, new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                    assertTrue(table.startsWith(name.substring(0, name.indexOf('_'))), name);
                }
            }
        }
    }

    static final class Long60 extends Table {
        final Column<UUID> id = uuid("id").primaryKey();
        final Column<String> c = text("c").unique();
        final Column<UUID> parent = uuid("parent").references(() -> Holder.LONG.id);

        Long60() {
            super(CYRILLIC_60);
        }
    }

    static final class Holder {
        static final Long60 LONG = new Long60();
    }

    @Test
    void theDslDerivesByteMeasuredNamesForALegalMultibyteTableName() {
        var t = Dsl.table(Dsl.model(Holder.LONG), CYRILLIC_60);
        assertEquals(List.of(new Unique("д".repeat(28) + "_c_key", List.of("c"))), t.uniques());
        assertEquals("д".repeat(29) + "_pkey", t.primaryKey().name());
        assertEquals("д".repeat(25) + "_parent_fkey", t.foreignKeys().get(0).name());
    }

    @Test
    void aChosenNameOver63BytesIsRefusedWithItsSourceLocation() {
        String chosen = CYRILLIC_60 + "_key"; // 64 bytes, 34 characters
        class Chosen extends Table {
            final Column<String> c = text("c");

            Chosen() {
                super(CYRILLIC_60);
                unique(chosen, c);
            }
        }
        var e = Dsl.fails(Chosen::new);
        assertEquals("DerivedNamesTest.java", e.location().file());
        assertTrue(e.location().line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("is 64 bytes long"), e.getMessage());
        assertTrue(e.getMessage().startsWith("DerivedNamesTest.java:" + e.location().line() + ": "), e.getMessage());
    }
}
