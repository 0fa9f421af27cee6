package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated scripts ({@link SqlSplitterFuzzScripts}) checked against PostgreSQL itself: {@link SqlSplitter#split}
 * must return exactly the statements the generator wrote, with their lines, and executing each returned
 * statement on the server must append exactly the values the generator meant to {@code t(v)}, so what the
 * server executes is what the splitter produced. Each statement runs twice: once through a PL/pgSQL
 * {@code EXECUTE} of a bind parameter (only the server's lexer sees the text) and once through
 * {@link Statement#execute} with JDBC escape processing off (the path the migrator takes).
 *
 * <p>The JDBC run skips scripts that pgJDBC's own client-side lexer (42.7) reads differently from the server,
 * and would split or refuse: an E'' string holding a doubled quote ({@code E'a''b\\';'}: pgJDBC leaves
 * E'' mode at the {@code ''}), and an E'' string continued on a later line ({@code E'a'} newline
 * {@code '\\''}, which the server reads as one E'' string). Only the server run covers those.
 *
 * <p>Runs {@value #DEFAULT_CASES} scripts from a random seed. For more, or to replay a failure, pass
 * {@code -Dshale.splitter.fuzz.cases=N} and {@code -Dshale.splitter.fuzz.seed=S} to Maven; a failure
 * names the seed of the script that failed.
 */
class SqlSplitterFuzzTest {
    static final int DEFAULT_CASES = 300;

    private static TestDatabase db;
    private static Connection connection;

    @BeforeAll
    static void database() throws SQLException {
        db = TestDatabase.create();
        connection = db.connect();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE t (id bigserial PRIMARY KEY, v text NOT NULL)");
            st.execute("CREATE TABLE trigger_table (x int)");
            st.execute("""
                    CREATE FUNCTION run_on_server(statement text) RETURNS bigint LANGUAGE plpgsql AS $$
                    BEGIN
                      EXECUTE statement;
                      RETURN (SELECT count(*) FROM t);
                    END
                    $$""");
        }
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void splitsGeneratedScriptsAsPostgresExecutesThem() throws SQLException {
        int cases = Integer.getInteger("shale.splitter.fuzz.cases", DEFAULT_CASES);
        long seed = Long.getLong("shale.splitter.fuzz.seed", System.nanoTime());
        Set<String> features = new HashSet<>();
        int statements = 0;
        int throughJdbc = 0;
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            SqlSplitterFuzzScripts.Script script = SqlSplitterFuzzScripts.generate(caseSeed);
            String replay = "script from seed " + caseSeed + " (replay: -Dshale.splitter.fuzz.seed=" + caseSeed
                    + " -Dshale.splitter.fuzz.cases=1):\n" + script.script();
            List<SqlStatement> split;
            try {
                split = SqlSplitter.split(script.script());
            } catch (RuntimeException e) {
                throw new AssertionError("split failed on " + replay, e);
            }
            assertEquals(script.statements(), split, replay);
            runOnServer(split, script.inserted(), replay);
            if (!script.features().contains("E-continued") && !script.features().contains("E-doubled-quote")) {
                runThroughJdbc(split, script.inserted(), replay);
                throughJdbc++;
            }
            features.addAll(script.features());
            statements += split.size();
        }
        if (cases >= DEFAULT_CASES) {
            Set<String> missing = new TreeSet<>(SqlSplitterFuzzScripts.ALL_FEATURES);
            missing.removeAll(features);
            assertTrue(missing.isEmpty(), "the generator never produced " + missing + " (seed " + seed + ")");
            assertTrue(statements >= cases, "too few statements: " + statements);
            // about a fifth of scripts avoid the forms pgJDBC misparses; a tenth leaves over 4 standard
            // deviations of room at 300 cases while still proving the JDBC path runs
            assertTrue(throughJdbc >= cases / 10, "only " + throughJdbc + " of " + cases + " scripts ran through JDBC (seed " + seed + ")");
        }
    }

    /** Each statement as a bind parameter of a PL/pgSQL EXECUTE: no client-side parsing of the text at all. */
    private static void runOnServer(List<SqlStatement> split, List<List<String>> inserted, String replay) throws SQLException {
        List<String> expected = new ArrayList<>();
        try (PreparedStatement run = connection.prepareStatement("SELECT run_on_server(?)")) {
            for (int k = 0; k < split.size(); k++) {
                expected.addAll(inserted.get(k));
                run.setString(1, split.get(k).sql());
                long rows;
                try (ResultSet rs = run.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                } catch (SQLException e) {
                    throw new AssertionError("the server refused statement " + (k + 1) + " (" + e.getMessage() + ") of " + replay, e);
                }
                assertEquals(expected.size(), rows, "rows after statement " + (k + 1) + " run on the server, " + replay);
            }
        }
        assertEquals(expected, values(), "values inserted by the server, " + replay);
        rollback();
    }

    /** Each statement through {@link Statement#execute}, as the migrator sends it. */
    private static void runThroughJdbc(List<SqlStatement> split, List<List<String>> inserted, String replay) throws SQLException {
        List<String> expected = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.setEscapeProcessing(false);
            for (int k = 0; k < split.size(); k++) {
                expected.addAll(inserted.get(k));
                try {
                    st.execute(split.get(k).sql());
                } catch (SQLException e) {
                    throw new AssertionError("JDBC refused statement " + (k + 1) + " (" + e.getMessage() + ") of " + replay, e);
                }
            }
        }
        assertEquals(expected, values(), "values inserted through JDBC, " + replay);
        rollback();
    }

    /** Each run is one transaction, rolled back after it is checked: nothing to clean up, no commit to wait for. */
    private static void rollback() throws SQLException {
        connection.rollback();
    }

    private static List<String> values() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM t ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void theGeneratorIsDeterministic() {
        assertEquals(SqlSplitterFuzzScripts.generate(42), SqlSplitterFuzzScripts.generate(42));
        if (SqlSplitterFuzzScripts.generate(42).equals(SqlSplitterFuzzScripts.generate(43))) {
            fail("two seeds gave the same script");
        }
    }
}
