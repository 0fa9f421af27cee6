package dev.shale.change;

import dev.shale.model.QualifiedName;

/**
 * {@code ALTER TYPE ... ADD VALUE}, placed by BEFORE/AFTER when it is not the last label. A value added
 * this way cannot be used in the transaction that adds it.
 *
 * @param enumName the enum
 * @param value the new label
 * @param before the existing label it goes before, or null
 * @param after the existing label it goes after, or null (both null: appended)
 */
public record AddEnumValue(QualifiedName enumName, String value, String before, String after) implements Change {
    public AddEnumValue {
        if (before != null && after != null) {
            throw new IllegalArgumentException("give before or after, not both");
        }
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddEnumValue(this);
    }
}
