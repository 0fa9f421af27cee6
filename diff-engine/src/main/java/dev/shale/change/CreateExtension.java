package dev.shale.change;

import dev.shale.model.Extension;

/**
 * {@code CREATE EXTENSION IF NOT EXISTS name [WITH SCHEMA s] [VERSION 'v']}: before every type, table
 * and index that may use what it brings.
 *
 * @param extension the extension as declared
 */
public record CreateExtension(Extension extension) implements Change {
    public CreateExtension {
        if (extension == null) {
            throw new IllegalArgumentException("CreateExtension needs an extension");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateExtension(this);
    }
}
