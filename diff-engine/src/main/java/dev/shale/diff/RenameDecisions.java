package dev.shale.diff;

import dev.shale.model.Rename;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers to rename questions gathered so far: confirmed renames (from code hints, {@code --rename}
 * flags or the prompt) and names confirmed as really dropped.
 *
 * @param renames confirmed renames
 * @param dropped questions answered "dropped, not renamed", identified by the question's
 *                {@link RenameQuestion#table()} and {@link RenameQuestion#from()} as a {@link Rename} whose
 *                {@code to} equals its {@code from}
 */
public record RenameDecisions(List<Rename> renames, List<Rename> dropped) {
    public static final RenameDecisions NONE = new RenameDecisions(List.of(), List.of());

    public RenameDecisions {
        renames = List.copyOf(renames);
        dropped = List.copyOf(dropped);
    }

    public static RenameDecisions of(List<Rename> renames) {
        return new RenameDecisions(renames, List.of());
    }

    public RenameDecisions withRename(Rename rename) {
        List<Rename> next = new ArrayList<>(renames);
        next.add(rename);
        return new RenameDecisions(next, dropped);
    }

    /** Records that the question's old name was dropped, not renamed. */
    public RenameDecisions withDropped(RenameQuestion question) {
        List<Rename> next = new ArrayList<>(dropped);
        next.add(new Rename(question.kind(), question.table(), question.from(), question.from()));
        return new RenameDecisions(renames, next);
    }
}
