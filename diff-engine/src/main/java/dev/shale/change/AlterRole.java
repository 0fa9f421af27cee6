package dev.shale.change;

import dev.shale.model.Role;

/**
 * {@code ALTER ROLE name WITH ...}: the attributes of an owned role that change.
 *
 * @param from the role before
 * @param to the role after, same name
 */
public record AlterRole(Role from, Role to) implements Change {
    public AlterRole {
        if (from == null || to == null || !from.name().equals(to.name()) || !to.owned()) {
            throw new IllegalArgumentException("AlterRole needs two states of one owned role");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterRole(this);
    }
}
