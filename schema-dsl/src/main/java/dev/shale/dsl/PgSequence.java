package dev.shale.dsl;

import dev.shale.model.QualifiedName;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;

/**
 * A standalone sequence, for numbers a column's default draws ({@code nextval('app.ticket_no')}) or the
 * application asks for. Hold it in a static field:
 * <pre>{@code
 * static final PgSequence TICKET_NO = PgSequence.sequence("app", "ticket_no").as("integer").startWith(1000).incrementBy(10);
 * }</pre>
 * Options left out are PostgreSQL's defaults. A sequence {@link #ownedBy} a column is dropped with it;
 * owned by a column whose default is its nextval, it is what PostgreSQL makes for a serial column, and
 * reads back from a database as one: declare such a column {@code serial} instead.
 */
public final class PgSequence {
    private final QualifiedName name;
    private final SourceLocation location;
    private SequenceOptions options = SequenceOptions.DEFAULTS;
    private Column<?> owner;
    private String comment;
    private String renamedFrom;

    private PgSequence(String schema, String name) {
        this.location = SourceLocation.caller();
        this.name = Table.modelOrFail(location, () -> Sequence.of(QualifiedName.of(schema, name)).name());
    }

    /** The sequence {@code name} in {@code public}. */
    public static PgSequence sequence(String name) {
        return new PgSequence(QualifiedName.DEFAULT_SCHEMA, name);
    }

    /** The sequence {@code name} in {@code schema}. */
    public static PgSequence sequence(String schema, String name) {
        return new PgSequence(schema, name);
    }

    /** {@code AS smallint|integer|bigint}. */
    public PgSequence as(String type) {
        return with(() -> options.withType(type));
    }

    public PgSequence startWith(long value) {
        return with(() -> options.withStart(value));
    }

    public PgSequence incrementBy(long value) {
        return with(() -> options.withIncrement(value));
    }

    public PgSequence minValue(long value) {
        return with(() -> options.withMinValue(value));
    }

    public PgSequence maxValue(long value) {
        return with(() -> options.withMaxValue(value));
    }

    public PgSequence cache(long value) {
        return with(() -> options.withCache(value));
    }

    /** Wraps around at its end instead of failing. */
    public PgSequence cycle() {
        return with(() -> options.withCycle(true));
    }

    /** {@code OWNED BY table.column}: dropped with that column (a column of a table in the same schema). */
    public PgSequence ownedBy(Column<?> column) {
        if (column == null) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "sequence " + name.display()
                    + ": ownedBy(null); declare the table first and pass its column");
        }
        this.owner = column;
        return this;
    }

    /** Its comment ({@code COMMENT ON SEQUENCE}). */
    public PgSequence comment(String text) {
        this.comment = text;
        return this;
    }

    /**
     * Says that this sequence was called {@code oldName} (in the same schema) before, so the migration
     * renames it ({@code ALTER SEQUENCE ... RENAME TO}, it keeps counting) rather than dropping it and
     * creating a new one that starts again. The hint may stay in the code.
     */
    public PgSequence renamedFrom(String oldName) {
        this.renamedFrom = Table.modelOrFail(SourceLocation.caller(), () -> Sequence.of(name.withName(oldName)).name().name());
        return this;
    }

    /** The {@link #renamedFrom} hint as a rename, or null. */
    dev.shale.model.Rename rename() {
        return renamedFrom == null ? null : dev.shale.model.Rename.sequence(name.withName(renamedFrom), name.name());
    }

    public QualifiedName name() {
        return name;
    }

    SourceLocation location() {
        return location;
    }

    private final java.util.List<GrantBuilder> grants = new java.util.ArrayList<>();

    /** Privileges on it; chain {@code .to(role...)}. */
    public GrantBuilder grant(dev.shale.model.Grant.Privilege... privileges) {
        GrantBuilder b = new GrantBuilder(dev.shale.model.Grant.On.SEQUENCE, name, null, null, SourceLocation.caller(), privileges);
        grants.add(b);
        return b;
    }

    java.util.List<GrantBuilder> grants() {
        return grants;
    }

    /** The table of its owning column, or null. */
    Table ownerTable() {
        return owner == null ? null : owner.table();
    }

    public Sequence toModel() {
        Sequence.OwnedBy ownedBy = owner == null ? null
                : Table.modelOrFail(location, () -> new Sequence.OwnedBy(owner.table().qualifiedName(), owner.name()));
        return Table.modelOrFail(location, () -> new Sequence(name, options, ownedBy, comment));
    }

    private PgSequence with(java.util.function.Supplier<SequenceOptions> next) {
        this.options = Table.modelOrFail(SourceLocation.caller(), next);
        return this;
    }
}
