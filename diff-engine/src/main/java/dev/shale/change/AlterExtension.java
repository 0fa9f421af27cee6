package dev.shale.change;

import dev.shale.model.Extension;

/**
 * {@code ALTER EXTENSION name UPDATE TO 'v'} for a new version, {@code ALTER EXTENSION name SET SCHEMA s}
 * for a new schema: the extension is never dropped to change either.
 *
 * @param from the extension as it is
 * @param to the extension as it should be (same name; version or schema differ)
 */
public record AlterExtension(Extension from, Extension to) implements Change {
    public AlterExtension {
        if (from == null || to == null || !from.name().equals(to.name())) {
            throw new IllegalArgumentException("AlterExtension changes one extension, got " + from + " and " + to);
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterExtension(this);
    }
}
