package dev.shale.workflow.lint;

import java.util.Locale;

/** How serious a lint finding is, most serious first. Configuration says from which severity on a run fails. */
public enum Severity {
    /** The migration loses data, fails, or blocks reads and writes on a table that exists. */
    ERROR,
    /** The migration can block or break something, depending on the table's size and the code still running. */
    WARNING,
    /** Worth knowing; never wrong to ship. */
    INFO;

    /** How output shows it: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    /** The severity labelled {@code label} (any case), or null when there is none. */
    public static Severity named(String label) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(label.strip())) {
                return s;
            }
        }
        return null;
    }
}
