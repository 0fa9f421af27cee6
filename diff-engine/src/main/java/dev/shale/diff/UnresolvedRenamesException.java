package dev.shale.diff;

import java.util.List;

/**
 * Thrown by {@link Differ#plan} when rename questions remain open: the caller must ask them (on a
 * terminal) or report them with the two ways to answer (a {@code renamedFrom} hint in code, or
 * {@code --rename}).
 */
public final class UnresolvedRenamesException extends RuntimeException {
    private final List<RenameQuestion> questions;

    public UnresolvedRenamesException(List<RenameQuestion> questions) {
        super(questions.size() + " rename question(s) are open: " + questions);
        this.questions = List.copyOf(questions);
    }

    public List<RenameQuestion> questions() {
        return questions;
    }
}
