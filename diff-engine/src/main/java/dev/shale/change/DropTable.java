package dev.shale.change;

import dev.shale.model.Table;

/**
 * {@code DROP TABLE}: loses the table's data.
 *
 * @param table the table as it was
 */
public record DropTable(Table table) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropTable(this);
    }
}
