package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TYPE ... RENAME VALUE 'old' TO 'new'}: relabels a value in place. Rows, defaults, checks and
 * indexes hold the value, not its label, so they all follow; the new label can be used at once (unlike
 * a value added by {@link AddEnumValue}).
 *
 * @param enumName the enum
 * @param from the current label
 * @param to the new label
 */
public record RenameEnumValue(QualifiedName enumName, String from, String to) implements Change {
    public RenameEnumValue {
        if (enumName == null || from == null || from.isEmpty() || to == null || to.isEmpty()) {
            throw new IllegalArgumentException("an enum value rename needs the enum and both labels");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("enum " + enumName.display() + ": renaming '" + from + "' to itself");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRenameEnumValue(this);
    }
}
