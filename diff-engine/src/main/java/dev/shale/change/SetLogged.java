package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE t SET UNLOGGED} or {@code SET LOGGED}: both rewrite the table.
 *
 * @param table the table
 * @param unlogged whether it becomes unlogged
 */
public record SetLogged(QualifiedName table, boolean unlogged) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetLogged(this);
    }
}
