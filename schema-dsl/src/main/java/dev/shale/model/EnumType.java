package dev.shale.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PostgreSQL enum type.
 *
 * @param name its qualified name
 * @param values its labels, in sort order
 * @param comment its comment, or null
 */
public record EnumType(QualifiedName name, List<String> values, String comment) {
    public EnumType {
        if (name == null) {
            throw new InvalidModelException("enum", "name is required");
        }
        String self = "enum " + name.display();
        if (values == null || values.isEmpty()) {
            throw new InvalidModelException(self, "at least one value is required");
        }
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                throw new InvalidModelException(self, "values must not be empty");
            }
            if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Identifiers.MAX_BYTES) {
                throw new InvalidModelException(self, "value '" + v + "' is longer than "
                        + Identifiers.MAX_BYTES + " bytes, PostgreSQL's limit for enum labels");
            }
            if (!seen.add(v)) {
                throw new InvalidModelException(self, "value '" + v + "' is listed twice");
            }
        }
        values = List.copyOf(values);
        comment = Comments.normalize(comment);
    }

    /** An enum without a comment. */
    public EnumType(QualifiedName name, List<String> values) {
        this(name, values, null);
    }

    public EnumType withName(QualifiedName newName) {
        return new EnumType(newName, values, comment);
    }

    /** This enum with other values, in sort order. */
    public EnumType withValues(List<String> newValues) {
        return new EnumType(name, newValues, comment);
    }

    public EnumType withComment(String value) {
        return new EnumType(name, values, value);
    }
}
