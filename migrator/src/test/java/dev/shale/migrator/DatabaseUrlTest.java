package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database URLs as users have them, and a password that never shows. */
class DatabaseUrlTest {
    @TempDir
    Path dir;

    @Test
    void supabaseStylePostgresqlUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres.abcd:s3cr%40t%2Fpw@aws-1-us-east-1.pooler.supabase.com:6543/postgres"
                + "?sslmode=require&application_name=shale&connect_timeout=5");
        assertEquals("jdbc:postgresql://aws-1-us-east-1.pooler.supabase.com:6543/postgres", url.jdbcUrl());
        Properties p = url.properties();
        assertEquals("postgres.abcd", p.getProperty("user"));
        assertEquals("s3cr@t/pw", p.getProperty("password"));
        assertEquals("require", p.getProperty("sslmode"));
        assertEquals("shale", p.getProperty("ApplicationName"));
        assertEquals("5", p.getProperty("connectTimeout"));
        assertEquals("postgresql://postgres.abcd:****@aws-1-us-east-1.pooler.supabase.com:6543/postgres"
                + "?sslmode=require&application_name=shale&connect_timeout=5", url.redacted());
        assertEquals(url.redacted(), url.toString());
    }

    @Test
    void neonStylePostgresUrlWithOptionsPassedThrough() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://alex:AbC123dEf@ep-cool-darkness-123456.us-east-2.aws.neon.tech/dbname"
                + "?sslmode=require&channel_binding=require&options=-c%20search_path%3Dapp");
        assertEquals("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech/dbname", url.jdbcUrl());
        assertEquals("require", url.properties().getProperty("channel_binding"));
        assertEquals("-c search_path=app", url.properties().getProperty("options"));
        assertFalse(url.toString().contains("AbC123dEf"));
    }

    @Test
    void noUserInfoAndIpv6Hosts() {
        assertEquals("jdbc:postgresql://[::1]:5432/app", DatabaseUrl.parse("postgres://[::1]:5432/app").jdbcUrl());
        assertEquals("jdbc:postgresql://localhost/app", DatabaseUrl.parse("postgres:///app").jdbcUrl());
        DatabaseUrl userOnly = DatabaseUrl.parse("postgres://bob@db:5432/app");
        assertEquals("bob", userOnly.properties().getProperty("user"));
        assertEquals("postgres://bob@db:5432/app", userOnly.redacted());
    }

    @Test
    void jdbcUrlIsKeptButItsPasswordMovesToTheProperties() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/app?user=bob&password=hunter2&sslmode=verify-full");
        assertEquals("jdbc:postgresql://db:5432/app?user=bob&sslmode=verify-full", url.jdbcUrl());
        assertEquals("hunter2", url.properties().getProperty("password"));
        assertEquals("jdbc:postgresql://db:5432/app?user=bob&password=****&sslmode=verify-full", url.redacted());
        assertEquals("jdbc:postgresql://db/app", DatabaseUrl.parse("jdbc:postgresql://db/app").jdbcUrl());
    }

    @Test
    void otherSchemesAreRefusedWithoutShowingThePassword() {
        var e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://root:hunter2@db/app"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("postgres://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(" "));
    }

    @Test
    void unreachableServerMessageHasNoPassword() {
        var e = assertThrows(MigrationException.class, () -> Migrator.builder()
                .url("postgres://bob:hunter2@127.0.0.1:1/app?connect_timeout=2").build().status());
        assertEquals(MigrationException.Reason.DATABASE, e.reason());
        assertTrue(e.getMessage().startsWith("could not connect to postgres://bob:****@127.0.0.1:1/app"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void connectsThroughAPostgresUrl() throws Exception {
        try (var db = TestDatabase.create()) {
            // the fixture's jdbc:postgresql://host:port/db?user=..&password=.. rewritten as users have it
            String jdbc = db.url().substring("jdbc:".length());
            int q = jdbc.indexOf('?');
            String user = "", password = "";
            for (String pair : (q < 0 ? "" : jdbc.substring(q + 1)).split("&")) {
                if (pair.startsWith("user=")) {
                    user = pair.substring(5);
                } else if (pair.startsWith("password=")) {
                    password = pair.substring(9);
                }
            }
            String hostAndDb = (q < 0 ? jdbc : jdbc.substring(0, q)).substring("postgresql://".length());
            String url = "postgres://" + user + ":" + (password.isEmpty() ? "unused" : password) + "@" + hostAndDb
                    + "?sslmode=disable&application_name=shale-url-test";
            TestSupport.write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
            assertEquals(1, Migrator.builder().url(url).location(dir).build().migrate().applied().size());
            assertEquals(List.of("a"), db.strings("SELECT relname FROM pg_class WHERE relname = 'a'"));
        }
    }
}
