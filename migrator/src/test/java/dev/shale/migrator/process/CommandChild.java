package dev.shale.migrator.process;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.MigrationException;
import dev.shale.migrator.Migrator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A long-lived child JVM of the race tests: it reads one command per line on standard input, runs it the
 * way an operator's {@code shale migrate} or {@code shale rollback} would (a new {@link Migrator} each
 * time, so a new connection), and answers with one line. Staying alive between commands takes JVM
 * start-up out of each trial, so that the parent controls the timing of a race to a few milliseconds.
 *
 * <p>Commands: {@code migrate <url> <dir>}, {@code migrate <url> <dir> <target>},
 * {@code rollback <url> <dir> <steps>}, {@code exit}. Answers start with {@link #PREFIX}, then
 * {@code ok versions=a,b,c already=N}, or {@code refused reason=REASON message...} for a
 * {@link MigrationException}, or {@code error ...} for anything else.
 */
public final class CommandChild {
    public static final String PREFIX = "SHALE-RACE ";

    private CommandChild() {}

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println(PREFIX + "ready");
        System.out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.strip().split(" ");
            if (parts[0].equals("exit")) {
                return;
            }
            System.out.println(PREFIX + answer(parts));
            System.out.flush();
        }
    }

    private static String answer(String[] parts) {
        try {
            Migrator.Builder b = Migrator.builder().url(parts[1]).location(Path.of(parts[2])).lockWait(Duration.ofMinutes(1));
            MigrateResult r = switch (parts[0]) {
                case "migrate" -> {
                    if (parts.length > 3) {
                        b.target(Integer.parseInt(parts[3]));
                    }
                    yield b.build().migrate();
                }
                case "rollback" -> b.build().rollback(Integer.parseInt(parts[3]));
                default -> throw new IllegalArgumentException("unknown command " + parts[0]);
            };
            return "ok versions=" + r.applied().stream().map(AppliedMigration::version).map(String::valueOf)
                    .collect(Collectors.joining(",")) + " already=" + r.alreadyApplied();
        } catch (MigrationException e) {
            return "refused reason=" + e.reason() + " " + oneLine(e.getMessage());
        } catch (RuntimeException e) {
            return "error " + oneLine(e.toString());
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
