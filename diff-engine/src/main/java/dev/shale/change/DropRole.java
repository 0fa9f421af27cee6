package dev.shale.change;

import dev.shale.model.Role;

/**
 * {@code DROP ROLE name}: an owned role the code no longer declares, after its privileges are revoked.
 *
 * @param role the role as it was
 */
public record DropRole(Role role) implements Change {
    public DropRole {
        if (role == null || !role.owned()) {
            throw new IllegalArgumentException("DropRole needs a role the project owns");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropRole(this);
    }
}
