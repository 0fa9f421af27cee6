package dev.shale.model;

import java.util.List;

/**
 * An EXCLUDE constraint: no two rows may match on every element's operator.
 *
 * @param name the constraint name
 * @param method the index method (usually gist)
 * @param elements the elements: a key (column or expression, with opclass and collation) and an operator
 * @param include INCLUDE columns
 * @param where the predicate, or null
 * @param deferral when it is checked
 * @param comment its comment, or null
 */
public record Exclusion(String name, IndexMethod method, List<Element> elements, List<String> include, String where,
                        Deferral deferral, String comment) implements Constraint {
    /** {@code key WITH operator}. */
    public record Element(IndexKey key, String operator) {
        public Element {
            if (key == null) {
                throw new InvalidModelException("exclusion element", "a key is required");
            }
            if (operator == null || operator.isBlank()) {
                throw new InvalidModelException("exclusion element", "an operator is required (WITH =, WITH &&)");
            }
        }
    }

    public Exclusion {
        Identifiers.require("exclusion constraint", name);
        method = method == null ? IndexMethod.GIST : method;
        if (elements == null || elements.isEmpty()) {
            throw new InvalidModelException("exclusion constraint " + Identifiers.show(name), "at least one element is required");
        }
        elements = List.copyOf(elements);
        include = List.copyOf(include == null ? List.of() : include);
        if (where != null && where.isBlank()) {
            where = null;
        }
        deferral = deferral == null ? Deferral.NOT_DEFERRABLE : deferral;
        comment = Comments.normalize(comment);
    }

    @Override
    public Exclusion withName(String newName) {
        return new Exclusion(newName, method, elements, include, where, deferral, comment);
    }

    public Exclusion withComment(String value) {
        return new Exclusion(name, method, elements, include, where, deferral, value);
    }

    /** The plain columns among the elements, then the INCLUDE columns. */
    @Override
    public List<String> columns() {
        List<String> cols = new java.util.ArrayList<>();
        elements.forEach(e -> {
            if (e.key().column() != null) {
                cols.add(e.key().column());
            }
        });
        cols.addAll(include);
        return List.copyOf(cols);
    }

    @Override
    public <R> R accept(ConstraintVisitor<R> visitor) {
        return visitor.visitExclusion(this);
    }
}
