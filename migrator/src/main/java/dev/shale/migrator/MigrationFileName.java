package dev.shale.migrator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration file's name says, in either layout the migrator reads: Shale's own
 * ({@code 0003_add_index.sql}, its down file {@code 0003_add_index.down.sql}) or Flyway's
 * ({@code V3__add_index.sql}, its undo file {@code U3__add_index.sql}, integer versions only), so a
 * project that keeps Flyway as its runner can still be migrated, checked and rolled back by Shale.
 *
 * @param number the version as written ({@code 0003}, {@code 3})
 * @param name the name part ({@code add_index})
 * @param down whether it is a down (undo) file
 */
public record MigrationFileName(String number, String name, boolean down) {
    /** Up and down file names of both layouts. */
    static final Pattern NAME = Pattern.compile("(?:(\\d+)_([^/\\\\]+?)(\\.down)?|([VU])(\\d+)__([^/\\\\]+?))\\.sql");

    /** The parts of {@code fileName}, or null when it is not a migration file name. */
    public static MigrationFileName parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? new MigrationFileName(m.group(1), m.group(2), m.group(3) != null)
                : new MigrationFileName(m.group(5), m.group(6), m.group(4).equals("U"));
    }

    /** Whether {@code fileName} is an up or down file name of either layout. */
    public static boolean matches(String fileName) {
        return NAME.matcher(fileName).matches();
    }
}
