package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelinedTest {
    @Test
    void onlyStatementsThatCannotReturnRowsAreBatched() {
        assertTrue(Pipelined.quiet("CREATE TABLE t (id int)"));
        assertTrue(Pipelined.quiet("insert into t values (1)"));
        assertTrue(Pipelined.quiet("DO $$ BEGIN RAISE NOTICE 'x'; END $$"));
        assertFalse(Pipelined.quiet("INSERT INTO t VALUES (1) RETURNING id"));
        assertFalse(Pipelined.quiet("SELECT 1"));
        assertFalse(Pipelined.quiet("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"));
        assertFalse(Pipelined.quiet("CALL p()"));
        assertFalse(Pipelined.quiet("(SELECT 1)"));
    }

    @Test
    void aFailureInABatchNamesItsStatementAndNothingAfterItRuns() throws Exception {
        try (TestDatabase db = TestDatabase.create(); Connection c = db.connect(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> sql = List.of("CREATE TABLE a (id int)", "SELECT 1", "INSERT INTO a VALUES (1)",
                    "CREATE TABLE b (id int)", "INSERT INTO missing VALUES (1)", "CREATE TABLE c (id int)");
            var f = assertThrows(Pipelined.Failure.class, () -> Pipelined.run(st, sql));
            assertEquals(4, f.index());
            assertEquals("42P01", f.getCause().getSQLState());
            c.rollback();
            Pipelined.run(st, sql.subList(0, 4));
            c.commit();
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_class WHERE relname IN ('a', 'b', 'c') AND relkind = 'r'")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }
}
