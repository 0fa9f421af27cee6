package dev.shale.change;

import dev.shale.model.QualifiedName;
import dev.shale.model.Sequence;

/**
 * {@code ALTER SEQUENCE s OWNED BY t.c}, or {@code OWNED BY NONE}: an owned sequence is dropped with its
 * column. Setting an owner comes after the table exists; releasing one comes before any drop.
 *
 * @param name the sequence
 * @param ownedBy the new owning column, or null for none
 */
public record SetSequenceOwner(QualifiedName name, Sequence.OwnedBy ownedBy) implements Change {
    public SetSequenceOwner {
        if (name == null) {
            throw new IllegalArgumentException("SetSequenceOwner needs a sequence name");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetSequenceOwner(this);
    }
}
