package dev.shale.change;

import dev.shale.model.Index;
import dev.shale.model.QualifiedName;

/**
 * {@code CREATE [UNIQUE] INDEX}.
 *
 * @param table the table
 * @param index the index
 */
public record CreateIndex(QualifiedName table, Index index) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateIndex(this);
    }
}
