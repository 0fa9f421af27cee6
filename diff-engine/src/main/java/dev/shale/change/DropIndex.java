package dev.shale.change;

import dev.shale.model.Index;
import dev.shale.model.QualifiedName;

/**
 * {@code DROP INDEX}.
 *
 * @param table the table it was on
 * @param index the index as it was
 */
public record DropIndex(QualifiedName table, Index index) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropIndex(this);
    }
}
