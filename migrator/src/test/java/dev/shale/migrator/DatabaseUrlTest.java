package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database URLs as users have them, and a password that never shows. */
class DatabaseUrlTest {
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
            String url = "postgres://postgres:ignored-by-trust@127.0.0.1:5432/" + db.name() + "?sslmode=disable&application_name=shale-test";
            if (!db.url().startsWith("jdbc:postgresql://127.0.0.1:5432/")) {
                return; // the fixture uses another server (SHALE_TEST_DATABASE_URL or Testcontainers); the URL above would not reach it
            }
            assertEquals(List.of(), Migrator.builder().url(url).location(java.nio.file.Files.createTempDirectory("empty"))
                    .build().status().entries());
        }
    }
}
