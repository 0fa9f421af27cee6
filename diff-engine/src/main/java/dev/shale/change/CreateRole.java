package dev.shale.change;

import dev.shale.model.Role;

/**
 * {@code CREATE ROLE name WITH LOGIN ...}: for roles the project owns only; roles are cluster-wide, so the
 * statement skips a role that exists already (DO block), as several databases of one cluster may share it.
 *
 * @param role the owned role
 */
public record CreateRole(Role role) implements Change {
    public CreateRole {
        if (role == null || !role.owned()) {
            throw new IllegalArgumentException("CreateRole needs a role the project owns");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateRole(this);
    }
}
