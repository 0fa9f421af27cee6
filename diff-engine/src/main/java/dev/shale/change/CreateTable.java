package dev.shale.change;

import dev.shale.model.Table;

/**
 * {@code CREATE TABLE} with its columns, primary key, unique and check constraints. Foreign keys and
 * indexes of a new table come as their own {@link AddConstraint} and {@link CreateIndex} changes, so
 * that tables referring to each other can be created in any order.
 *
 * @param table the table; its foreign keys and indexes are not rendered by this change
 */
public record CreateTable(Table table) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateTable(this);
    }
}
