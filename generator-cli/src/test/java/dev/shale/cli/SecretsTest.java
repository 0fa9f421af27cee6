package dev.shale.cli;

import dev.shale.migrator.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 8, finding 3: a password in a database URL never reaches any output, whatever shape the URL
 * has: every command, with and without {@code --verbose} (stack traces) and {@code --json}, and the
 * Java API's exceptions with their whole stack traces.
 */
class SecretsTest {
    private static final String PASSWORD = "secret123";

    /** URLs with a password, malformed, foreign, unreachable or refused, as users mistype them. */
    private static final List<String> URLS = List.of(
            "postgres:/u:" + PASSWORD + "@127.0.0.1/db",                       // one slash missing
            "postgress://u:" + PASSWORD + "@127.0.0.1/db",                     // scheme misspelt
            "mysql://u:" + PASSWORD + "@127.0.0.1:3306/db",                    // another database
            "postgres://u:" + PASSWORD + "@127.0.0.1:notaport/db",             // bad port
            "postgres://u:" + PASSWORD + "@127.0.0.1:1/db",                    // nothing listens
            "postgres://u:" + PASSWORD + "@no-such-host.invalid/db",           // unresolvable host
            "postgres://u:sec%72et123@127.0.0.1:1/db",                         // percent-encoded
            "postgres://u:" + PASSWORD + "%zz@127.0.0.1/db",                   // broken percent-escape
            "jdbc:postgresql://127.0.0.1:1/db?user=u&password=" + PASSWORD,    // JDBC, unreachable
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=no_such_role_x&password=" + PASSWORD + "&ssl=false",
            "postgres://no_such_role_x:" + PASSWORD + "@127.0.0.1:5432/postgres");

    @TempDir
    Path dir;

    @Test
    void noCommandPrintsThePasswordOfAnyUrl() {
        TempProject p = TempProject.standard(dir);
        assertEquals(0, p.run("generate").code());
        List<String> leaks = new ArrayList<>();
        int runs = 0;
        for (String url : URLS) {
            List<List<String>> commands = List.of(
                    List.of("migrate", "--url", url), List.of("migrate", "--dry-run", "--url", url),
                    List.of("status", "--url", url), List.of("status", "--json", "--url", url),
                    List.of("rollback", "--url", url), List.of("push", "--url", url), List.of("push", "--dry-run", "--url", url),
                    List.of("pull", "--package", "app.pulled", "--url", url), List.of("check", "--url", url),
                    List.of("diff", "--from", url, "--to", "code"), List.of("diff", "--from", "code", "--to", url),
                    List.of("diff", "--from", url, "--to", url));
            for (List<String> command : commands) {
                for (boolean verbose : new boolean[] {false, true}) {
                    List<String> args = new ArrayList<>(command);
                    if (verbose) {
                        args.add("--verbose");
                    }
                    TempProject.Run run = p.run(args.toArray(String[]::new));
                    runs++;
                    assertNotEquals(0, run.code(), "a broken URL fails: " + args + "\n" + run);
                    if (leaks(run.toString())) {
                        leaks.add(String.join(" ", args).replace(PASSWORD, "<pw>") + "\n" + run.toString().replace(PASSWORD, "<pw>"));
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, leaks.size() + " of " + runs + " runs printed the password");
    }

    @Test
    void theJavaApisExceptionsNeverHoldThePassword() {
        List<String> leaks = new ArrayList<>();
        for (String url : URLS) {
            try {
                Migrator.builder().url(url).location(dir).build().migrate();
                leaks.add(url + ": no exception");
            } catch (RuntimeException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                if (leaks(trace.toString()) || leaks(String.valueOf(e))) {
                    leaks.add(trace.toString().replace(PASSWORD, "<pw>"));
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(leaks(String.join(" ", URLS)), "the probe itself finds the password");
    }

    private static boolean leaks(String text) {
        return text.contains(PASSWORD) || text.contains("sec%72et123") || text.contains("secret123%zz");
    }
}
