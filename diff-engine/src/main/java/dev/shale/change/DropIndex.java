package dev.shale.change;

import dev.shale.model.Index;
import dev.shale.model.QualifiedName;

/**
 * {@code DROP INDEX}, or in online mode {@code DROP INDEX CONCURRENTLY IF EXISTS}, which waits for the
 * queries using the index instead of locking the table against them, and cannot run in a transaction.
 *
 * @param table the table it was on
 * @param index the index as it was
 * @param concurrently whether it is dropped {@code CONCURRENTLY}
 */
public record DropIndex(QualifiedName table, Index index, boolean concurrently) implements Change {
    /** A plain drop, in the migration's transaction. */
    public DropIndex(QualifiedName table, Index index) {
        this(table, index, false);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropIndex(this);
    }
}
