package dev.shale.workflow;

import dev.shale.diff.Hazard;
import dev.shale.diff.RenameQuestion;

import java.util.List;

/**
 * The questions a workflow may need a person to answer, asked through the front end: whether a
 * disappeared table or column was renamed, and whether to go ahead with statements that lose data.
 * {@link #NONE} is for when nobody can answer (CI, a build plugin): open questions then fail with the
 * questions named, and data loss is refused.
 */
public interface Questions {
    /** Nobody to ask. */
    Questions NONE = new Questions() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public String rename(RenameQuestion question) {
            throw new IllegalStateException("nobody to ask");
        }

        @Override
        public boolean confirmDataLoss(List<Hazard> hazards) {
            return false;
        }
    };

    /** Whether a person can answer at all. */
    boolean canAsk();

    /** @return one of the question's options (the new name), or null for "dropped" */
    String rename(RenameQuestion question);

    /** @return true to go ahead with the statements these hazards name */
    boolean confirmDataLoss(List<Hazard> hazards);
}
