package dev.shale.dsl;

import dev.shale.model.InvalidModelException;
import dev.shale.model.SequenceOptions;

/**
 * The options of an identity column's sequence, as the DSL takes them:
 * {@code bigint("id").generatedByDefaultAsIdentity(seq -> seq.startWith(1000).cache(20))}. An option
 * left out is PostgreSQL's default.
 */
public final class IdentitySequence {
    private final SourceLocation location;
    private final String owner;
    private Long start;
    private Long increment;
    private Long minValue;
    private Long maxValue;
    private Long cache;
    private boolean cycle;

    IdentitySequence(SourceLocation location, String owner) {
        this.location = location;
        this.owner = owner;
    }

    /** {@code START WITH n}. */
    public IdentitySequence startWith(long value) {
        this.start = value;
        return this;
    }

    /** {@code INCREMENT BY n}; not zero. */
    public IdentitySequence incrementBy(long value) {
        this.increment = value;
        return this;
    }

    /** {@code MINVALUE n}. */
    public IdentitySequence minValue(long value) {
        this.minValue = value;
        return this;
    }

    /** {@code MAXVALUE n}. */
    public IdentitySequence maxValue(long value) {
        this.maxValue = value;
        return this;
    }

    /** {@code CACHE n}: how many values a session takes at once; at least 1. */
    public IdentitySequence cache(long value) {
        this.cache = value;
        return this;
    }

    /** {@code CYCLE}: start over at the minimum once the maximum is reached. */
    public IdentitySequence cycle() {
        this.cycle = true;
        return this;
    }

    SequenceOptions toModel() {
        try {
            return new SequenceOptions(null, start, increment, minValue, maxValue, cache, cycle);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, owner + ": " + e.getMessage());
        }
    }
}
