package dev.shale.change;

import dev.shale.model.Column;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... ADD COLUMN}.
 *
 * @param table the table
 * @param column the new column
 */
public record AddColumn(QualifiedName table, Column column) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddColumn(this);
    }
}
