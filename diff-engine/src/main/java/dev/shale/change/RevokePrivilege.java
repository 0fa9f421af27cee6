package dev.shale.change;

import dev.shale.model.Grant;

/**
 * {@code REVOKE privilege [(column)] ON kind object FROM grantee}; a grant whose grant option alone goes
 * is revoked and granted again.
 *
 * @param grant the privilege as it was granted
 */
public record RevokePrivilege(Grant grant) implements Change {
    public RevokePrivilege {
        if (grant == null) {
            throw new IllegalArgumentException("RevokePrivilege needs a grant");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRevokePrivilege(this);
    }
}
