package dev.shale.diff;

import dev.shale.model.SchemaModel;

import java.util.List;

/** Compares two schema models and returns the changes that turn one into the other. TEMPORARY SIGNATURES. */
public final class Differ {
    private Differ() {}

    /** The rename questions still open for {@code from -> to}, given the decisions so far. */
    public static List<RenameQuestion> questions(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        throw new UnsupportedOperationException("owned by the differ work");
    }

    /**
     * The migration steps from {@code from} to {@code to}; empty when they are equal.
     *
     * @throws UnresolvedRenamesException when rename questions remain open
     */
    public static List<DiffStep> plan(SchemaModel from, SchemaModel to, RenameDecisions decisions) {
        throw new UnsupportedOperationException("owned by the differ work");
    }
}
