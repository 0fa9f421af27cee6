package dev.shale.change;

import dev.shale.model.Domain;

/**
 * A domain changed in place: one {@code ALTER DOMAIN} statement per difference, in this order:
 * checks renamed ({@code RENAME CONSTRAINT}, a check whose expression is unchanged under a new name),
 * checks dropped, the default set or dropped, NOT NULL set or dropped, checks added (a check marked
 * NOT VALID is added {@code NOT VALID}). The underlying type and the collation never differ: PostgreSQL
 * cannot change them in place.
 *
 * @param from the domain as it is
 * @param to the domain as it becomes (same name, type and collation)
 */
public record AlterDomain(Domain from, Domain to) implements Change {
    public AlterDomain {
        if (!from.name().equals(to.name()) || !from.type().equals(to.type())
                || !java.util.Objects.equals(from.collation(), to.collation())) {
            throw new IllegalArgumentException("ALTER DOMAIN changes neither the name, the type nor the collation of "
                    + from.name().display());
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("domain " + from.name().display() + " does not change");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterDomain(this);
    }
}
