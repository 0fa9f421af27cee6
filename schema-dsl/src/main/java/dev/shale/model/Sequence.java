package dev.shale.model;

/**
 * A standalone sequence (not the one behind an identity or serial column).
 *
 * @param name its qualified name
 * @param options its options
 * @param ownedBy the column it is OWNED BY (dropped with it), or null
 * @param comment its comment, or null
 */
public record Sequence(QualifiedName name, SequenceOptions options, OwnedBy ownedBy, String comment) {
    /** {@code OWNED BY table.column}. */
    public record OwnedBy(QualifiedName table, String column) {
        public OwnedBy {
            if (table == null) {
                throw new InvalidModelException("sequence owner", "the table is required");
            }
            Identifiers.require("sequence owner column", column);
        }
    }

    public Sequence {
        if (name == null) {
            throw new InvalidModelException("sequence", "name is required");
        }
        options = options == null ? SequenceOptions.DEFAULTS : options;
        comment = Comments.normalize(comment);
    }

    public static Sequence of(QualifiedName name) {
        return new Sequence(name, SequenceOptions.DEFAULTS, null, null);
    }

    public Sequence withName(QualifiedName value) {
        return new Sequence(value, options, ownedBy, comment);
    }

    public Sequence withOptions(SequenceOptions value) {
        return new Sequence(name, value, ownedBy, comment);
    }

    public Sequence withOwnedBy(OwnedBy value) {
        return new Sequence(name, options, value, comment);
    }

    public Sequence withComment(String value) {
        return new Sequence(name, options, ownedBy, value);
    }
}
