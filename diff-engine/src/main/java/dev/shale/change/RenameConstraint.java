package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... RENAME CONSTRAINT}: the same constraint under a new name, as after a table
 * rename whose key names follow the table ({@code users_pkey} becomes {@code people_pkey}).
 *
 * @param table the table (by its name at that point of the migration)
 * @param from the current constraint name
 * @param to the new name
 */
public record RenameConstraint(QualifiedName table, String from, String to) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameConstraint(this);
    }
}
