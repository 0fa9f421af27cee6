package dev.shale.change;

import dev.shale.model.Column;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... DROP COLUMN}: loses the column's data.
 *
 * @param table the table
 * @param column the column as it was
 */
public record DropColumn(QualifiedName table, Column column) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropColumn(this);
    }
}
