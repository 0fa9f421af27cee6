package dev.shale.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A composite type ({@code CREATE TYPE name AS (...)}).
 *
 * @param name its qualified name
 * @param attributes its attributes in order
 * @param comment its comment, or null
 */
public record CompositeType(QualifiedName name, List<Attribute> attributes, String comment) {
    /**
     * One attribute.
     *
     * @param name its name
     * @param type its type
     * @param collation its collation, or null
     */
    public record Attribute(String name, ColumnType type, String collation) {
        public Attribute {
            Identifiers.require("composite type attribute", name);
            if (type == null) {
                throw new InvalidModelException("attribute " + Identifiers.show(name), "type is required");
            }
        }

        public static Attribute of(String name, ColumnType type) {
            return new Attribute(name, type, null);
        }
    }

    public CompositeType {
        if (name == null) {
            throw new InvalidModelException("composite type", "name is required");
        }
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        Set<String> seen = new HashSet<>();
        for (Attribute a : attributes) {
            if (!seen.add(a.name())) {
                throw new InvalidModelException("composite type " + name.display(),
                        "attribute " + Identifiers.show(a.name()) + " is declared twice");
            }
        }
        comment = Comments.normalize(comment);
    }

    public static CompositeType of(QualifiedName name, List<Attribute> attributes) {
        return new CompositeType(name, attributes, null);
    }

    public CompositeType withName(QualifiedName value) {
        return new CompositeType(value, attributes, comment);
    }

    public CompositeType withAttributes(List<Attribute> value) {
        return new CompositeType(name, value, comment);
    }

    public CompositeType withComment(String value) {
        return new CompositeType(name, attributes, value);
    }
}
