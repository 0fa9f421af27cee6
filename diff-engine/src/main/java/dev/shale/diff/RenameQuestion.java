package dev.shale.diff;

import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;

import java.util.List;

/**
 * An open question the diff cannot answer alone: a table or column disappeared while one or more of a
 * compatible shape appeared. The answer is one of {@link #options()} (a rename) or "it was dropped".
 *
 * @param kind table or column
 * @param table for a table: its old name; for a column: the table's name in the new schema
 * @param from the name that disappeared
 * @param options the new names it may have become, in a stable order
 */
public record RenameQuestion(Rename.Kind kind, QualifiedName table, String from, List<String> options) {
    public RenameQuestion {
        options = List.copyOf(options);
    }

    /** The rename meaning "from became option". */
    public Rename answer(String option) {
        return kind == Rename.Kind.TABLE ? Rename.table(table, option) : Rename.column(table, from, option);
    }
}
