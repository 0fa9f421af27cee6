package dev.shale.change;

import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TYPE ... RENAME ATTRIBUTE a TO b}: renames an attribute of a composite type in place, so
 * the values stored in columns of the type keep it.
 *
 * @param type the composite type
 * @param from the current attribute name
 * @param to the new attribute name
 */
public record RenameAttribute(QualifiedName type, String from, String to) implements Change {
    public RenameAttribute {
        if (type == null) {
            throw new IllegalArgumentException("an attribute rename needs the composite type");
        }
        Identifiers.require("attribute of " + type.display(), from);
        Identifiers.require("attribute of " + type.display(), to);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameAttribute(this);
    }
}
