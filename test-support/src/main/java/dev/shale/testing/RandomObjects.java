package dev.shale.testing;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.Constraint;
import dev.shale.model.EnumType;
import dev.shale.model.Extension;
import dev.shale.model.Namespace;
import dev.shale.model.PgType;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Decorates a random schema with the standalone objects and comments: declared schemas (some
 * commented, one sometimes empty), extensions installed on the test server (citext, hstore, ltree,
 * pg_trgm, pgcrypto), standalone sequences with random options (sometimes OWNED BY an integer column
 * of a table in their schema) and comments on tables, constraints, indexes, enums, domains, composite
 * types and sequences. Row-level security, policies and privileges too ({@link RandomAccess}).
 * Two decorations of one schema differ in exactly these, which a diff must carry across.
 */
public final class RandomObjects {
    public static final List<String> EXTENSIONS = List.of("citext", "hstore", "ltree", "pg_trgm", "pgcrypto");
    private static final List<String> TYPES = List.of("smallint", "integer", "bigint");

    private final Random r;
    private final String ownedRolePrefix;

    public RandomObjects(Random r) {
        this(r, null);
    }

    /** With roles the schema owns, named from {@code ownedRolePrefix} (see {@link RandomAccess}), when not null. */
    public RandomObjects(Random r, String ownedRolePrefix) {
        this.r = r;
        this.ownedRolePrefix = ownedRolePrefix;
    }

    /** {@code RandomSchemas.generate(seed)} decorated with the generator seeded {@code objectSeed}. */
    public static SchemaModel generate(long seed, long objectSeed) {
        return new RandomObjects(new Random(objectSeed)).decorate(RandomSchemas.generate(seed));
    }

    public SchemaModel decorate(SchemaModel model) {
        List<Namespace> namespaces = new ArrayList<>();
        for (String s : model.schemas()) {
            if (r.nextInt(3) == 0) {
                namespaces.add(new Namespace(s, comment()));
            }
        }
        if (r.nextInt(3) == 0) {
            namespaces.add(new Namespace("empty_" + r.nextInt(3), comment()));
        }
        List<Extension> extensions = new ArrayList<>();
        for (String e : EXTENSIONS) {
            if (r.nextInt(4) == 0) {
                extensions.add(r.nextBoolean() ? Extension.of(e) : Extension.of(e).withSchema("public"));
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        int count = r.nextInt(3);
        for (int i = 0; i < count; i++) {
            String schema = model.schemas().isEmpty() || r.nextBoolean() ? "public" : pick(new ArrayList<>(model.schemas()));
            Sequence q = new Sequence(QualifiedName.of(schema, "seq_" + i), options(), null, comment());
            List<Column> owners = new ArrayList<>();
            Table ownerTable = null;
            for (Table t : model.tables()) {
                if (t.name().schema().equals(schema)) {
                    for (Column c : t.columns()) {
                        if (c.defaultValue() == null && c.type() instanceof ColumnType.Builtin b
                                && (b.type() == PgType.INTEGER || b.type() == PgType.BIGINT) && r.nextInt(3) == 0) {
                            owners.add(c);
                            ownerTable = t;
                        }
                    }
                }
            }
            if (ownerTable != null && r.nextBoolean()) {
                final Table owner = ownerTable;
                Column c = owners.stream().filter(x -> owner.column(x.name()) == x).findFirst().orElseThrow();
                q = q.withOwnedBy(new Sequence.OwnedBy(owner.name(), c.name()));
            }
            sequences.add(q);
        }
        List<Table> tables = model.tables().stream().map(this::commented).toList();
        List<EnumType> enums = model.enums().stream().map(e -> e.withComment(comment())).toList();
        return new RandomAccess(r, ownedRolePrefix).decorate(model.toBuilder().namespaces(namespaces).extensions(extensions).sequences(sequences)
                .tables(tables).enums(enums)
                .domains(model.domains().stream().map(d -> d.withComment(comment())).toList())
                .compositeTypes(model.compositeTypes().stream().map(c -> c.withComment(comment())).toList())
                .build());
    }

    private Table commented(Table t) {
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint k : t.constraints()) {
            constraints.add(k.withComment(comment()));
        }
        return t.toBuilder().comment(comment()).constraints(constraints)
                .indexes(t.indexes().stream().map(ix -> ix.withComment(comment())).toList()).build();
    }

    private SequenceOptions options() {
        SequenceOptions o = SequenceOptions.DEFAULTS;
        if (r.nextBoolean()) {
            o = o.withType(pick(TYPES));
        }
        boolean descending = r.nextInt(4) == 0;
        if (descending) {
            o = o.withIncrement(-1L - r.nextInt(5));
        } else if (r.nextBoolean()) {
            o = o.withIncrement(1L + r.nextInt(50));
        }
        if (r.nextInt(3) == 0) {
            o = descending ? o.withMaxValue(-10L) : o.withMinValue(10L);
        }
        // Always a start inside every range generated here: a sequence's current value (its start, until
        // used) must stay within the bounds a later decoration gives it, or ALTER SEQUENCE fails.
        o = descending ? o.withStart(-100L) : o.withStart(100L + r.nextInt(1000));
        if (r.nextInt(3) == 0) {
            o = o.withCache(1L + r.nextInt(20));
        }
        if (r.nextInt(4) == 0) {
            o = o.withCycle(true);
        }
        return o;
    }

    /** A comment half the time: plain, or with a quote. */
    private String comment() {
        return switch (r.nextInt(6)) {
            case 0 -> "it's commented " + r.nextInt(100);
            case 1, 2 -> "comment " + r.nextInt(100);
            default -> null;
        };
    }

    private <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

}
