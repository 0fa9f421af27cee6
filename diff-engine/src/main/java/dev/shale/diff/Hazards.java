package dev.shale.diff;

import dev.shale.change.Change;

import java.util.List;

/** The one place that decides which changes lose data, rewrite tables or may fail. TEMPORARY SIGNATURES. */
public final class Hazards {
    private Hazards() {}

    /** The hazards of one change, most serious first; empty for a safe change. */
    public static List<Hazard> of(Change change) {
        throw new UnsupportedOperationException("owned by the differ work");
    }

    /** The hazards of a list of changes, in change order. */
    public static List<Hazard> of(List<? extends Change> changes) {
        return changes.stream().flatMap(c -> of(c).stream()).toList();
    }
}
