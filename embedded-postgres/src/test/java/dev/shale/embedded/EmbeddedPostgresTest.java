package dev.shale.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server of the oldest supported version starts (as nobody when the tests run as root), answers, and is gone after close. */
class EmbeddedPostgresTest {
    @Test
    void startsAnswersAndLeavesNothingBehind() throws Exception {
        Path data;
        int port;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(13)) {
            port = pg.port();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"));
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int / 10000, current_user,"
                         + " current_setting('data_directory')")) {
                assertTrue(rs.next());
                assertEquals(13, rs.getInt(1));
                assertEquals("postgres", rs.getString(2));
                data = Path.of(rs.getString(3));
            }
            assertTrue(Files.isDirectory(data));
        }
        assertFalse(Files.exists(data), "the data folder is deleted on close");
        assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                + "/postgres?user=postgres&connectTimeout=2").close(), "the server is stopped on close");
    }

    @Test
    void anUnsupportedVersionSaysWhichAreAvailable() {
        var e = assertThrows(EmbeddedPostgresException.class, () -> EmbeddedPostgres.start(9));
        assertEquals("PostgreSQL 9 is not available embedded; Shale has the binaries of [13, 14, 15, 16, 17] (major versions)",
                e.getMessage());
    }
}
