package dev.shale.change;

import dev.shale.model.Constraint;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... DROP CONSTRAINT}.
 *
 * @param table the table
 * @param constraint the constraint as it was
 */
public record DropConstraint(QualifiedName table, Constraint constraint) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropConstraint(this);
    }
}
