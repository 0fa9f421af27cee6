package dev.shale.migrator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checksums ignore line endings and a byte-order mark; header directives are read from the header only. */
class ChecksumsTest {
    @Test
    void lineEndingsAndBomDoNotChangeTheChecksum() {
        String lf = "-- x\nCREATE TABLE a (id int);\n";
        assertEquals(Checksums.sha256(lf), Checksums.sha256("-- x\r\nCREATE TABLE a (id int);\r\n"));
        assertEquals(Checksums.sha256(lf), Checksums.sha256("-- x\rCREATE TABLE a (id int);\r"));
        assertEquals(Checksums.sha256(lf), Checksums.sha256("\uFEFF" + lf));
        assertNotEquals(Checksums.sha256(lf), Checksums.sha256(lf.replace("int", "bigint")));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Checksums.sha256(""));
        assertEquals(64, Checksums.sha256(lf).length());
    }

    @Test
    void headerDirectives() {
        assertTrue(Checksums.hasHeaderDirective("-- 0002_idx\n--  shale:no-transaction \n\nCREATE INDEX CONCURRENTLY i ON t (a);\n", "no-transaction"));
        assertFalse(Checksums.hasHeaderDirective("CREATE TABLE t (a int);\n-- shale:no-transaction\n", "no-transaction"),
                "only the header counts");
        assertFalse(Checksums.hasHeaderDirective("-- shale:no-transactions\nSELECT 1;\n", "no-transaction"));
        assertTrue(new Migration(1, "x", "x.sql", "SELECT 1;\n", "c", "x.down.sql", "SELECT 1;\n").reversible());
        assertFalse(new Migration(1, "x", "x.sql", "SELECT 1;\n", "c", "x.down.sql", "-- shale:irreversible\nSELECT 1;\n").reversible());
        assertFalse(new Migration(1, "x", "x.sql", "SELECT 1;\n", "c", null, null).reversible());
    }
}
