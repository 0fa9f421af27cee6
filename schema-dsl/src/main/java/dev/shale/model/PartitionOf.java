package dev.shale.model;

/**
 * What makes a table a partition: its parent and its bound. A partition takes its columns from the
 * parent, so the model holds none for it.
 *
 * @param parent the partitioned table
 * @param bound the bound as PostgreSQL prints it ({@code pg_get_expr(relpartbound)}): {@code FOR VALUES
 *              FROM ('2024-01-01') TO ('2025-01-01')}, {@code FOR VALUES IN ('a', 'b')}, {@code FOR VALUES
 *              WITH (modulus 4, remainder 0)} or {@code DEFAULT}
 */
public record PartitionOf(QualifiedName parent, String bound) {
    public PartitionOf {
        if (parent == null) {
            throw new InvalidModelException("partition", "the parent table is required");
        }
        if (bound == null || bound.isBlank()) {
            throw new InvalidModelException("partition of " + parent.display(),
                    "a bound is required: FOR VALUES ... or DEFAULT");
        }
        bound = bound.strip();
    }

    public boolean isDefault() {
        return bound.equals("DEFAULT");
    }
}
