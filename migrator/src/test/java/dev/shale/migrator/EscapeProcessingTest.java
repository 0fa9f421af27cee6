package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration files are SQL, not JDBC escape syntax: text that looks like a JDBC escape ({fn ...}) must
 * reach PostgreSQL unchanged, even where pgJDBC's own lexer misreads an E'' string and thinks the
 * escape stands outside it.
 */
class EscapeProcessingTest {
    @TempDir
    Path dir;

    @Test
    void jdbcEscapesInStringsReachTheServerUnchanged() throws Exception {
        TestSupport.write(dir, "0000_values.sql", """
                CREATE TABLE t (n int, v text);
                INSERT INTO t VALUES (1, E'a''b\\'{fn curdate()}');
                INSERT INTO t VALUES (2, '{fn now()}');
                """);
        try (TestDatabase db = TestDatabase.create()) {
            TestSupport.builder(db, dir).build().migrate();
            assertEquals(List.of("a'b'{fn curdate()}", "{fn now()}"), db.strings("SELECT v FROM t ORDER BY n"));
        }
    }
}
