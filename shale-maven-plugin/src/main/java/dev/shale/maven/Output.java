package dev.shale.maven;

import dev.shale.diff.Hazard;
import dev.shale.render.MigrationScript;
import org.apache.maven.plugin.logging.Log;

import java.util.List;

/** Goal output through the Maven log, one log line per line of text, so SQL keeps its shape. */
final class Output {
    private Output() {}

    static void info(Log log, String text) {
        for (String line : text.split("\n", -1)) {
            log.info(line);
        }
    }

    /** Drops the one empty line a trailing newline would add. */
    static void infoBlock(Log log, String text) {
        info(log, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    /** The same warning lines as a migration file's header. */
    static void hazards(Log log, List<Hazard> hazards) {
        for (String warning : MigrationScript.warnings(hazards)) {
            log.warn(warning);
        }
    }

    /** Objects Shale does not model, by kind and name ({@code what}: what happens to them here). */
    static void notManaged(Log log, List<String> objects, String what) {
        for (String object : objects) {
            log.warn("not managed: " + object + " \u2014 " + what);
        }
    }

    static String count(int n, String one, String many) {
        return n == 1 ? "1 " + one : n + " " + many;
    }
}
