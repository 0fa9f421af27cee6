package dev.shale.change;

import dev.shale.model.Grant;

/**
 * {@code GRANT privilege [(column)] ON kind object TO grantee [WITH GRANT OPTION]}.
 *
 * @param grant the privilege granted
 */
public record GrantPrivilege(Grant grant) implements Change {
    public GrantPrivilege {
        if (grant == null) {
            throw new IllegalArgumentException("GrantPrivilege needs a grant");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitGrantPrivilege(this);
    }
}
