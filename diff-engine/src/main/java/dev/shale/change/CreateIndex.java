package dev.shale.change;

import dev.shale.model.Index;
import dev.shale.model.QualifiedName;

/**
 * {@code CREATE [UNIQUE] INDEX}, or in online mode {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS},
 * which builds the index without blocking writes to the table but cannot run in a transaction (so it goes
 * to a {@code -- shale:no-transaction} migration; IF NOT EXISTS makes that file safe to run again from its
 * first statement after a later one failed).
 *
 * @param table the table
 * @param index the index
 * @param concurrently whether it is built {@code CONCURRENTLY}
 */
public record CreateIndex(QualifiedName table, Index index, boolean concurrently) implements Change {
    /** A plain build, in the migration's transaction. */
    public CreateIndex(QualifiedName table, Index index) {
        this(table, index, false);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateIndex(this);
    }
}
