package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An enum value renamed in code: with the {@code renamedValue} hint (or a {@code --rename enum:...} flag)
 * the migration relabels it in place ({@code ALTER TYPE ... RENAME VALUE}) and the rows keep it; the down
 * file renames it back.
 */
class EnumValueRenameTest {
    @TempDir
    Path dir;

    private static String schema(String labels, String hint) {
        return """
                package app.db;

                import dev.shale.dsl.PgEnum;

                public final class Schema {
                    public static final PgEnum<String> MOOD = PgEnum.of("mood", LABELS)HINT;
                    public static final People PEOPLE = new People();
                }
                """.replace("LABELS", labels).replace("HINT", hint);
    }

    private static final String PEOPLE = """
            package app.db;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;

            public final class People extends Table {
                public final Column<Integer> id = integer("id").primaryKey();
                public final Column<String> mood = column("mood", Schema.MOOD);

                People() {
                    super("people");
                }
            }
            """;

    private TempProject project() {
        TempProject p = new TempProject(dir).write("shale.toml", TempProject.CONFIG)
                .write("src/app/db/Schema.java", schema("\"happy\", \"sad\"", ""))
                .write("src/app/db/People.java", PEOPLE);
        TempProject.Run first = p.run("generate", "--name", "init");
        assertEquals(0, first.code(), first.toString());
        return p;
    }

    @Test
    void theHintRenamesTheValueAndTheRowsKeepIt() throws Exception {
        TempProject p = project();
        p.write("src/app/db/Schema.java", schema("\"happy\", \"blue\"", ".renamedValue(\"sad\", \"blue\")"));
        TempProject.Run generate = p.run("generate");
        assertEquals(0, generate.code(), generate.toString());
        String sql = p.read("migrations/0001_rename_mood_sad_to_blue.sql");
        assertTrue(sql.contains("ALTER TYPE \"public\".\"mood\" RENAME VALUE 'sad' TO 'blue';"), sql);
        assertFalse(sql.contains("DROP TYPE"), sql);
        assertTrue(p.read("migrations/0001_rename_mood_sad_to_blue.down.sql")
                .contains("ALTER TYPE \"public\".\"mood\" RENAME VALUE 'blue' TO 'sad';"));

        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run init = p.run("migrate", "--url", db.url(), "--target", "0");
            assertEquals(0, init.code(), init.toString());
            db.execute("INSERT INTO public.people (id, mood) VALUES (1, 'sad'), (2, 'happy')");
            TempProject.Run rest = p.run("migrate", "--url", db.url());
            assertEquals(0, rest.code(), rest.toString());
            assertEquals(List.of("1|blue", "2|happy"), db.strings("SELECT id || '|' || mood FROM public.people ORDER BY id"));
            TempProject.Run check = p.run("check", "--url", db.url());
            assertEquals(0, check.code(), check.toString());
        }
        TempProject.Run again = p.run("generate");
        assertEquals("No schema changes; nothing written.\n", again.out(), "the hint stays in the code and renames nothing more");
    }

    @Test
    void theRenameFlagDoesWhatTheHintDoes() {
        TempProject p = project();
        p.write("src/app/db/Schema.java", schema("\"happy\", \"blue\"", ""));
        TempProject.Run generate = p.run("generate", "--name", "relabel", "--rename", "enum:public.mood.sad=blue");
        assertEquals(0, generate.code(), generate.toString());
        assertTrue(p.read("migrations/0001_relabel.sql").contains("RENAME VALUE 'sad' TO 'blue'"));
    }

    @Test
    void aFlagThatRenamesNoValueIsRefused() {
        TempProject p = project();
        p.write("src/app/db/Schema.java", schema("\"happy\", \"blue\"", ""));
        TempProject.Run generate = p.run("generate", "--rename", "enum:public.mood.glad=blue");
        assertTrue(generate.code() != 0, generate.toString());
        assertTrue(generate.err().contains("has no value 'glad' in enum"), generate.toString());
    }
}
