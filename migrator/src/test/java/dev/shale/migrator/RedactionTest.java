package dev.shale.migrator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One redaction routine for any text: a table of URLs in every shape users type (and drivers quote),
 * each with the password it holds and the text that must survive around it.
 */
class RedactionTest {
    private static final String S = "s3cr3tPw";

    /** name, text holding a password, the password (as it appears), what must still be there. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                row("well-formed postgres URL", "postgres://u:" + S + "@host:5432/db", S, "postgres://u:****@host:5432/db"),
                row("one slash missing", "postgres:/u:" + S + "@host/db", S, "postgres:/u:****@host/db"),
                row("no slash at all", "postgres:u:" + S + "@host/db", S, "@host/db"),
                row("three slashes", "postgres:///u:" + S + "@host/db", S, "@host/db"),
                row("misspelt scheme", "postgress://u:" + S + "@host/db", S, "postgress://u:****@host/db"),
                row("foreign scheme", "mysql://root:" + S + "@h/db", S, "mysql://root:****@h/db"),
                row("jdbc with user info", "jdbc:postgresql://u:" + S + "@h/db", S, "jdbc:postgresql://u:****@h/db"),
                row("jdbc password option", "jdbc:postgresql://h/db?user=u&password=" + S + "&sslmode=require", S,
                        "jdbc:postgresql://h/db?user=u&password=****&sslmode=require"),
                row("password option, then driver text", "connecting with password=" + S + " FATAL: password authentication failed for user \"u\"",
                        S, "password=**** FATAL: password authentication failed for user \"u\""),
                row("sslpassword option", "jdbc:postgresql://h/db?sslpassword=" + S + "&x=1", S, "sslpassword=****&x=1"),
                row("PGPASSWORD in text", "env PGPASSWORD=" + S + " psql", S, "PGPASSWORD=**** psql"),
                row("conninfo quoted value", "host=h password='" + S + " x' dbname=d", S, "host=h password=**** dbname=d"),
                row("JSON", "{\"url\":\"h\",\"password\":\"" + S + "\",\"n\":1}", S, "\"password\":\"****\",\"n\":1}"),
                row("percent-encoded @ and /", "postgresql://u:p%40ss%2F" + S + "@h:6543/postgres", S, "postgresql://u:****@h:6543/postgres"),
                row("raw @ in password", "postgres://u:p@" + S + "@host/db", S, "postgres://u:****@host/db"),
                row("raw / in password", "postgres://u:pa/" + S + "@host/db", S, "postgres://u:****@host/db"),
                row("raw ? and # in password", "postgres://u:p?a#" + S + "@host/db?sslmode=require", S, "postgres://u:****@host/db?sslmode=require"),
                row("raw : in password", "postgres://u:a:" + S + "@host/db", S, "postgres://u:****@host/db"),
                row("special characters", "postgres://u:" + S + "!$&*()~^'\"@host/db", S, "postgres://u:****@host/db"),
                row("user with @ (Azure)", "postgres://me@server:" + S + "@server.postgres.database.azure.com/db", S,
                        "postgres://me@server:****@server.postgres.database.azure.com/db"),
                row("host forgotten", "postgres://u:" + S + "/db", S, "postgres://u:****/db"),
                row("inside a sentence", "could not connect to 'postgres://u:" + S + "@h/db': refused. Next line", S,
                        "could not connect to 'postgres://u:****@h/db': refused. Next line"),
                row("two URLs", "from postgres://a:" + S + "@h1/d to postgres://b:" + S + "x@h2/d", S,
                        "from postgres://a:****@h1/d to postgres://b:****@h2/d"),
                row("user info without scheme", "as admin:" + S + "@db.internal", S, "as admin:****@db.internal"));
    }

    private static Arguments row(String name, String text, String password, String kept) {
        return Arguments.of(name, text, password, kept);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void thePasswordIsMaskedAndTheRestKept(String name, String text, String password, String kept) {
        String out = DatabaseUrl.redact(text);
        assertFalse(out.contains(password), () -> name + ": " + out);
        assertTrue(out.contains(kept), () -> name + ": expected to keep [" + kept + "] in " + out);
    }

    /** parse() and the builder refuse a malformed URL with a message that shows it, masked. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parseAndBuilderErrorsNeverShowThePassword(String name, String text, String password, String kept) {
        for (Runnable call : new Runnable[] {() -> DatabaseUrl.parse(text), () -> Migrator.builder().url(text)}) {
            try {
                call.run();
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage().contains(password), () -> name + ": " + e.getMessage());
                assertFalse(String.valueOf(e.getCause()).contains(password), () -> name + ": " + e.getCause());
            }
        }
    }

    @Test
    void textWithoutPasswordsIsUnchanged() {
        for (String text : new String[] {
                "postgres://bob@db:5432/app?sslmode=require", "jdbc:postgresql://[::1]:5432/app", "postgres://h1:5432,h2:5433/app",
                "ERROR: relation \"x\" does not exist. Position: 15", "FATAL: password authentication failed for user \"bob\"",
                "at dev.shale.migrator.Migrator.migrate(Migrator.java:88)", "mail bob@example.com at 12:30",
                "jdbc:postgresql://h:5432/db?user=me@corp&ApplicationName=x", "https://example.com:8443/path"}) {
            assertEquals(text, DatabaseUrl.redact(text));
        }
        assertEquals(null, DatabaseUrl.redact(null));
    }

    @Test
    void malformedUrlsAreRefusedWithAMaskedUrlAndAHint() {
        var slash = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres:/u:" + S + "@host/db"));
        assertEquals("database URL postgres:/u:****@host/db is not a PostgreSQL URL: it must look like postgres://user:password@host:5432/database,"
                + " postgresql://... or jdbc:postgresql://host:5432/database (the scheme needs two slashes: postgres://).", slash.getMessage());
        var mysql = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://root:" + S + "@h/db"));
        assertTrue(mysql.getMessage().endsWith("(Shale works with PostgreSQL only)."), mysql.getMessage());
        var typo = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgress://u:" + S + "@h/db"));
        assertTrue(typo.getMessage().endsWith("(check the spelling of the scheme)."), typo.getMessage());
        var port = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://u:" + S + "/db"));
        assertEquals("database URL postgres://u:****/db has a port that is not a number from 1 to 65535 after host \"u\"; the form is"
                + " postgres://user:password@host:5432/database, postgresql://... or jdbc:postgresql://host:5432/database (a password goes"
                + " between the user and the @, percent-encoded).", port.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://u:p@h:70000/db"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("jdbc:postgresql://h:abc/db"));
        var escape = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres://u:" + S + "%zz@h/db"));
        assertFalse(escape.getMessage().contains(S), escape.getMessage());
        assertTrue(escape.getMessage().contains("malformed percent-escape"), escape.getMessage());
        var jdbcUser = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("jdbc:postgresql://u:" + S + "@h/db"));
        assertTrue(jdbcUser.getMessage().startsWith("database URL jdbc:postgresql://u:****@h/db puts a user before the host"),
                jdbcUser.getMessage());
    }

    @Test
    void scrubMasksTheKnownPasswordRawAndPercentEncodedAndKeepsTheRedactedUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss%20w0rd!@db.example.com:6543/main?sslmode=require");
        assertEquals("p@ss w0rd!", url.properties().getProperty("password"));
        String text = "driver said: bad p@ss w0rd! and p%40ss+w0rd%21 and p%40ss%20w0rd%21 at " + url.redacted();
        assertEquals("driver said: bad **** and **** and **** at postgres://app:****@db.example.com:6543/main?sslmode=require",
                url.scrub(text));
        // a password that is also the user and database name: the redacted URL stays readable
        DatabaseUrl dev = DatabaseUrl.parse("postgres://postgres:postgres@localhost/postgres");
        assertEquals("could not connect to postgres://postgres:****@localhost/postgres: FATAL: x ****",
                dev.scrub("could not connect to " + dev.redacted() + ": FATAL: x postgres"));
    }

    @Test
    void accessorsForMessages() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:pw@db.example.com:6543/main%20db?sslmode=require");
        assertEquals("db.example.com", url.host());
        assertEquals(6543, url.port());
        assertEquals("main db", url.database());
        assertEquals("app", url.user());
        DatabaseUrl local = DatabaseUrl.parse("postgresql:///app");
        assertEquals("localhost", local.host());
        assertEquals(5432, local.port());
        assertEquals("app", local.database());
        assertEquals(null, local.user());
        DatabaseUrl jdbc = DatabaseUrl.parse("jdbc:postgresql://[::1]:5433,h2/app?user=bob&password=x");
        assertEquals("[::1]", jdbc.host());
        assertEquals(5433, jdbc.port());
        assertEquals("bob", jdbc.user());
        assertEquals("jdbc:postgresql://[::1]:5433,h2/app?user=bob", jdbc.jdbcUrl());
        assertEquals("jdbc:postgresql://h/", DatabaseUrl.parse("jdbc:postgresql://h").jdbcUrl(), "pgJDBC needs the slash");
        DatabaseUrl shortForm = DatabaseUrl.parse("jdbc:postgresql:app");
        assertEquals("localhost", shortForm.host());
        assertEquals("app", shortForm.database());
    }

    @Test
    void propertiesTurnServerSidePreparedStatementsOffAndBoundTheConnectionAttempt() {
        var p = DatabaseUrl.parse("postgres://u:p@h/db").properties();
        assertEquals("0", p.getProperty("prepareThreshold"));
        assertEquals("30", p.getProperty("loginTimeout"));
        var timeout = DatabaseUrl.parse("postgres://u:p@h/db?connect_timeout=5&prepareThreshold=3").properties();
        assertEquals("5", timeout.getProperty("connectTimeout"));
        assertEquals("5", timeout.getProperty("loginTimeout"), "libpq's connect_timeout bounds the whole attempt");
        assertEquals("3", timeout.getProperty("prepareThreshold"), "the URL's own choice wins");
    }
}
