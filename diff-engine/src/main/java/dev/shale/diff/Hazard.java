package dev.shale.diff;

import dev.shale.change.Change;

/**
 * Something a reviewer must know about a change before it runs: it loses data, rewrites a table, or
 * can fail on existing rows. Migration files list hazards in their header; the CLI prints them.
 *
 * <p>A hazard reads as its subject (what the change does, naming the object) and, when the subject
 * alone does not say it, a consequence: "changes column "public"."t"."at" from timestamptz to
 * timestamp" + "drops the time zone: ...". One change can carry hazards of several kinds with one
 * subject; a header then lists them on one line ({@code MigrationScript.warnings}).
 *
 * @param kind what sort of hazard
 * @param change the change that carries it
 * @param subject what the change does, naming the object; the whole message when {@code consequence} is null
 * @param consequence why it is a hazard, a phrase that follows "which" ({@code "rewrites table ... under an exclusive lock"}), or null
 */
public record Hazard(Kind kind, Change change, String subject, String consequence) {
    /** Hazard kinds, most serious first. */
    public enum Kind {
        /** Rows, columns or values are lost: drop table/column, a conversion that alters values, dropping a guard on data. */
        DATA_LOSS("data loss"),
        /** PostgreSQL rewrites the whole table under an exclusive lock. */
        TABLE_REWRITE("table rewrite"),
        /** The statement can fail on existing data (SET NOT NULL, a new unique or check, a conversion a value may not survive). */
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

    /** A hazard whose message is one piece of text. */
    public Hazard(Kind kind, Change change, String message) {
        this(kind, change, message, null);
    }

    /** One line naming the object and the consequence. */
    public String message() {
        return consequence == null ? subject : subject + ", which " + consequence;
    }
}
