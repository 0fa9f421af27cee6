package dev.shale.change;

import dev.shale.model.ForeignKey;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TABLE ... ALTER CONSTRAINT fk DEFERRABLE INITIALLY DEFERRED}: a foreign key checked at
 * another time, in place. PostgreSQL alters only a foreign key's deferral this way; any other change
 * of a constraint is a drop and an add.
 *
 * @param table the table
 * @param from the key as it is
 * @param to the key as it becomes, differing in its deferral only (a VALIDATE CONSTRAINT, if any, follows)
 */
public record AlterForeignKey(QualifiedName table, ForeignKey from, ForeignKey to) implements Change {
    public AlterForeignKey {
        if (from.deferral() == to.deferral() || !from.withDeferral(to.deferral()).equals(to)) {
            throw new IllegalArgumentException("foreign key " + from.name() + ": ALTER CONSTRAINT changes the deferral only");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterForeignKey(this);
    }
}
