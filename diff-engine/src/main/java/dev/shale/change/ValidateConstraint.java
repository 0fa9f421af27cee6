package dev.shale.change;

import dev.shale.model.Constraint;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... VALIDATE CONSTRAINT c}: a check or foreign key added {@code NOT VALID} is
 * checked against the existing rows and marked valid, in place. Fails if a row violates it.
 *
 * @param table the table
 * @param constraint the constraint as it becomes (valid)
 */
public record ValidateConstraint(QualifiedName table, Constraint constraint) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitValidateConstraint(this);
    }
}
