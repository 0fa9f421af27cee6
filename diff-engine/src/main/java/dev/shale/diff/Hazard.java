package dev.shale.diff;

import dev.shale.change.Change;

/**
 * Something a reviewer must know about a change before it runs: it loses data, rewrites a table, or
 * can fail on existing rows. Migration files list hazards in their header; the CLI prints them.
 *
 * @param kind what sort of hazard
 * @param change the change that carries it
 * @param message one line naming the object and the consequence
 */
public record Hazard(Kind kind, Change change, String message) {
    /** Hazard kinds, most serious first. */
    public enum Kind {
        /** Rows, columns or values are lost: drop table/column, narrowing type, dropping a guard on data. */
        DATA_LOSS("data loss"),
        /** PostgreSQL rewrites the whole table under an exclusive lock. */
        TABLE_REWRITE("table rewrite"),
        /** The statement can fail on existing data (SET NOT NULL, a new unique or check). */
        MAY_FAIL("may fail");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /**
         * How a reader sees the kind, in a migration file's {@code -- WARNING data loss: ...} header and
         * in every front end's output: {@code data loss}, {@code table rewrite}, {@code may fail}.
         */
        public String label() {
            return label;
        }
    }
}
