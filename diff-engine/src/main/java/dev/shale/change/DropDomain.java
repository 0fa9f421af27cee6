package dev.shale.change;

import dev.shale.model.Domain;

/**
 * {@code DROP DOMAIN s.d}, after the columns that use it are gone.
 *
 * @param domain the domain as it was
 */
public record DropDomain(Domain domain) implements Change {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropDomain(this);
    }
}
