package dev.shale.dsl;

import dev.shale.model.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bound of a partition, chosen in its table's constructor after {@code partitionOf(parent)}:
 * <pre>{@code
 * partitionOf(Schema.EVENTS).forValuesFrom("'2024-01-01'").to("'2025-01-01'");
 * partitionOf(Schema.TAGS).forValuesIn("'a'", "'b'");
 * partitionOf(Schema.BUCKETS).forValuesWithModulus(4, 0);
 * partitionOf(Schema.EVENTS).defaultPartition();
 * }</pre>
 * Values are SQL literals written as PostgreSQL prints a bound: strings and dates quoted
 * ({@code '2024-01-01'}), numbers bare ({@code 100}), and {@code MINVALUE}, {@code MAXVALUE} or
 * {@code NULL} as words (in any case). Written that way, the bound in code is the text PostgreSQL
 * prints, so code, snapshot and database agree without a database in between; any other spelling
 * ({@code '2024-01-01'::date}) works too, and is compared with a database through the canonicalizer.
 */
public final class PartitionBound {
    private final Table partition;
    private final SourceLocation location;
    private String bound;

    PartitionBound(Table partition, SourceLocation location) {
        this.partition = partition;
        this.location = location;
    }

    /** A range partition's lower bound (inclusive), one value per partition key; continue with {@link To#to}. */
    public To forValuesFrom(String... values) {
        return new To(list("forValuesFrom", values));
    }

    /** The second half of a range bound. */
    public final class To {
        private final String from;

        private To(String from) {
            this.from = from;
            set("FOR VALUES FROM (" + from + ") TO (...)");
        }

        /** The upper bound (exclusive), one value per partition key. */
        public void to(String... values) {
            bound = "FOR VALUES FROM (" + from + ") TO (" + list("to", values) + ")";
        }
    }

    /** A list partition's values. */
    public void forValuesIn(String... values) {
        set("FOR VALUES IN (" + list("forValuesIn", values) + ")");
    }

    /** A hash partition: the rows whose key hashes to {@code remainder} modulo {@code modulus}. */
    public void forValuesWithModulus(int modulus, int remainder) {
        if (modulus < 1 || remainder < 0 || remainder >= modulus) {
            throw new SchemaDefinitionException(location, "partition " + partition.qualifiedName().display()
                    + ": a hash bound needs a modulus of at least 1 and a remainder from 0 to modulus - 1, not "
                    + modulus + " and " + remainder);
        }
        set("FOR VALUES WITH (modulus " + modulus + ", remainder " + remainder + ")");
    }

    /** The default partition: the rows no other partition takes. */
    public void defaultPartition() {
        set("DEFAULT");
    }

    /** The bound as PostgreSQL prints it, or null when none was chosen (or a range bound lacks {@code to}). */
    String text() {
        return bound == null || bound.endsWith("TO (...)") ? null : bound;
    }

    SourceLocation location() {
        return location;
    }

    private void set(String value) {
        if (bound != null && !bound.endsWith("TO (...)")) {
            throw new SchemaDefinitionException(location, "partition " + partition.qualifiedName().display()
                    + " already has the bound " + bound + "; a partition has one");
        }
        bound = value;
    }

    private String list(String method, String... values) {
        if (values == null || values.length == 0) {
            throw new SchemaDefinitionException(location, "partition " + partition.qualifiedName().display() + ": "
                    + method + "(...) needs at least one value");
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new SchemaDefinitionException(location, "partition " + partition.qualifiedName().display() + ": "
                        + method + "(...) was given a blank value; write SQL literals such as '2024-01-01', 10 or MAXVALUE");
            }
            String s = v.strip();
            String upper = s.toUpperCase(Locale.ROOT);
            out.add(upper.equals("MINVALUE") || upper.equals("MAXVALUE") || upper.equals("NULL") ? upper : s);
        }
        return String.join(", ", out);
    }

    @Override
    public String toString() {
        return "bound of " + Identifiers.show(partition.qualifiedName().name()) + ": " + bound;
    }
}
