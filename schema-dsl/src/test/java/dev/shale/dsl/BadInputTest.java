package dev.shale.dsl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken declarations: each fails with a {@link SchemaDefinitionException} whose location is the
 * offending line of this file (found by the marker comment on it) and whose message says what is wrong.
 */
class BadInputTest {
    private static final String LONG = "x".repeat(64);

    static final class Outside extends Table {
        final Column<UUID> id = uuid("id").primaryKey();

        Outside() {
            super("outside");
        }
    }

    static final Outside OUTSIDE = new Outside();

    @Test
    void duplicateColumn() {
        class Dup extends Table {
            final Column<String> email = text("email");
            final Column<String> email2 = varchar("email", 10); // <duplicate-column>

            Dup() {
                super("dup");
            }
        }
        var e = Dsl.fails(() -> Dsl.model(new Dup()));
        assertAt(e, "<duplicate-column>");
        assertMentions(e, "table \"public\".\"dup\"", "column \"email\" is declared twice", "BadInputTest.java:");
    }

    static final class Unheld extends Table {
        final Column<UUID> id = uuid("id").primaryKey();

        Unheld() {
            super("unheld");
        }
    }

    abstract static class Audited extends Table {
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

        Audited(String name) {
            super(name);
        }
    }

    static final class Notes extends Audited {
        final Column<UUID> id = uuid("id").primaryKey();

        Notes() {
            super("notes");
        }
    }

    static final class Holder {
        static final Notes NOTES = new Notes();
    }

    @Test
    void aTableClassNoStaticFieldHoldsIsRefusedNotLeftOut() {
        // what a package scan hands over: the holder, an abstract base, a held table and one nobody holds
        List<Class<?>> scanned = List.of(Audited.class, Holder.class, Notes.class, Unheld.class);
        var e = Dsl.fails(() -> SchemaBuilder.fromClasses(scanned));
        assertEquals(new SourceLocation("BadInputTest.java", -1), e.location());
        assertMentions(e, "table class dev.shale.dsl.BadInputTest$Unheld is not held by any static field",
                "would be left out", "public static final Unheld UNHELD = new Unheld();", "make the class abstract");
        // held, the same classes build; the abstract base is no table of its own
        assertEquals(List.of("notes"), SchemaBuilder.fromClasses(List.of(Audited.class, Holder.class, Notes.class))
                .model().tables().stream().map(t -> t.name().name()).toList());
    }

    @Test
    void foreignKeyToATableNotInTheSchema() {
        class Orphan extends Table {
            final Column<UUID> outsideId = uuid("outside_id").references(() -> OUTSIDE.id); // <unknown-table>

            Orphan() {
                super("orphan");
            }
        }
        var e = Dsl.fails(() -> Dsl.model(new Orphan()));
        assertAt(e, "<unknown-table>");
        assertMentions(e, "references table \"public\".\"outside\"", "not part of the schema", "ExternalTable");
    }

    @Test
    void tableNameOver63Bytes() {
        class LongName extends Table {
            LongName() {
                super(LONG); // <long-table>
            }
        }
        var e = Dsl.fails(LongName::new);
        assertAt(e, "<long-table>");
        assertMentions(e, LONG, "64 bytes", "at most 63 bytes");
    }

    @Test
    void columnNameOver63BytesCountsBytesNotCharacters() {
        String accented = "é".repeat(32); // 32 characters, 64 bytes in UTF-8
        class Wide extends Table {
            final Column<String> c = text(accented); // <long-column>

            Wide() {
                super("wide");
            }
        }
        var e = Dsl.fails(Wide::new);
        assertAt(e, "<long-column>");
        assertMentions(e, "column in table \"public\".\"wide\"", "64 bytes");
    }

    @Test
    void indexNameOver63Bytes() {
        class Indexed extends Table {
            final Column<String> c = text("c");

            Indexed() {
                super("indexed");
                index(LONG).on(c); // <long-index>
            }
        }
        var e = Dsl.fails(Indexed::new);
        assertAt(e, "<long-index>");
        assertMentions(e, "index in table \"public\".\"indexed\"", "64 bytes");
    }

    @Test
    void defaultNowOnANonTimeColumn() {
        class Clock extends Table {
            final Column<String> at = text("at").defaultNow(); // <default-now>
            final Column<OffsetDateTime> fine = timestamptz("fine").defaultNow();

            Clock() {
                super("clock");
            }
        }
        var e = Dsl.fails(Clock::new);
        assertAt(e, "<default-now>");
        assertMentions(e, "column \"at\"", "defaultNow() needs a date or time column", "text");
    }

    @Test
    void defaultRandomOnANonUuidColumn() {
        class Rand extends Table {
            final Column<Long> id = bigint("id").defaultRandom(); // <default-random>

            Rand() {
                super("rand");
            }
        }
        var e = Dsl.fails(Rand::new);
        assertAt(e, "<default-random>");
        assertMentions(e, "defaultRandom() needs a uuid column", "bigint");
    }

    @Test
    void enumDefaultNotInTheEnum() {
        PgEnum<String> color = PgEnum.of("color", "red", "green");
        class Paint extends Table {
            final Column<String> c = column("c", color).defaultValue("purple"); // <bad-label>

            Paint() {
                super("paint");
            }
        }
        var e = Dsl.fails(Paint::new);
        assertAt(e, "<bad-label>");
        assertMentions(e, "'purple' is not a value of enum \"public\".\"color\"", "[red, green]");
    }

    @Test
    void twoPrimaryKeys() {
        class TwoKeys extends Table {
            final Column<Integer> a = integer("a").primaryKey();
            final Column<Integer> b = integer("b");

            TwoKeys() {
                super("two_keys");
                primaryKey(a, b); // <two-keys>
            }
        }
        var e = Dsl.fails(() -> Dsl.model(new TwoKeys()));
        assertAt(e, "<two-keys>");
        assertMentions(e, "declares a primary key both on column \"a\"", "keep one");
    }

    @Test
    void sameTableDeclaredByTwoClasses() {
        class First extends Table {
            First() {
                super("same");
                integer("n");
            }
        }
        class Second extends Table {
            Second() {
                super("same"); // <same-table>
                integer("n");
            }
        }
        var e = Dsl.fails(() -> Dsl.model(new First(), new Second()));
        assertAt(e, "<same-table>");
        assertMentions(e, "table \"public\".\"same\" is declared twice");
    }

    @Test
    void foreignKeyToANonUniqueColumnIsNamedAtTheTable() {
        class Target extends Table {
            final Column<String> code = text("code");

            Target() {
                super("target");
            }
        }
        Target target = new Target();
        class Source extends Table {
            final Column<String> code = text("code").references(() -> target.code);

            Source() {
                super("source"); // <non-unique-target>
            }
        }
        var e = Dsl.fails(() -> Dsl.model(target, new Source()));
        assertAt(e, "<non-unique-target>");
        assertMentions(e, "neither its primary key nor unique");
    }

    private static void assertAt(SchemaDefinitionException e, String marker) {
        assertEquals(new SourceLocation("BadInputTest.java", lineOf(marker)), e.location(), e.getMessage());
        assertTrue(e.getMessage().startsWith("BadInputTest.java:" + lineOf(marker) + ": "), e.getMessage());
    }

    private static void assertMentions(SchemaDefinitionException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message should mention «" + part + "»: " + e.getMessage());
        }
    }

    /** The 1-based line of this file that carries {@code // marker}. */
    private static int lineOf(String marker) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/shale/dsl/BadInputTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).endsWith("// " + marker)) {
                    return i + 1;
                }
            }
            throw new AssertionError("no line ends with // " + marker);
        } catch (IOException e) {
            throw new AssertionError("run the tests from the schema-dsl module directory", e);
        }
    }
}
