package dev.shale.change;

import dev.shale.model.CompositeType;

/**
 * A composite type changed in place, one {@code ALTER TYPE s.t} statement with its actions:
 * {@code DROP ATTRIBUTE} for attributes that go, {@code ALTER ATTRIBUTE a TYPE ...} for attributes whose
 * type or collation changes, {@code ADD ATTRIBUTE} for new ones (appended: PostgreSQL cannot place an
 * attribute). The order of the kept attributes is the same on both sides.
 *
 * @param from the type as it is
 * @param to the type as it becomes (same name)
 */
public record AlterCompositeType(CompositeType from, CompositeType to) implements Change {
    public AlterCompositeType {
        if (!from.name().equals(to.name())) {
            throw new IllegalArgumentException("ALTER TYPE keeps the name of " + from.name().display());
        }
        if (from.attributes().equals(to.attributes())) {
            throw new IllegalArgumentException("the attributes of " + from.name().display() + " do not change");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterCompositeType(this);
    }
}
