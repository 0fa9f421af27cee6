package dev.shale.change;

import dev.shale.model.Constraint;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT}: a primary key, unique, check or foreign key.
 *
 * @param table the table
 * @param constraint the constraint to add
 */
public record AddConstraint(QualifiedName table, Constraint constraint) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddConstraint(this);
    }
}
