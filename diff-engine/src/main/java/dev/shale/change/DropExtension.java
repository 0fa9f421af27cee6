package dev.shale.change;

import dev.shale.model.Extension;

/**
 * {@code DROP EXTENSION name} (never CASCADE): after every object that used it is gone, so it fails
 * rather than take along columns of its types.
 *
 * @param extension the extension as it was
 */
public record DropExtension(Extension extension) implements Change {
    public DropExtension {
        if (extension == null) {
            throw new IllegalArgumentException("DropExtension needs an extension");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropExtension(this);
    }
}
