package dev.shale.property;

import dev.shale.diff.RenameDecisions;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.InvalidModelException;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.model.Unique;
import dev.shale.testing.Draft;
import dev.shale.testing.RandomObjects;
import dev.shale.testing.RandomSchemas;

import java.util.ArrayList;
import java.util.List;

/**
 * Random mutations A -> B of a generated schema: tables and columns added, dropped and renamed (with
 * rename decisions), column types changed along safe casts (wider varchar, integer to bigint, text to
 * and from varchar), NOT NULL set and dropped, defaults changed, constraints and indexes added and
 * dropped, enum values added (never removed). Whatever a drop leaves dangling (a foreign key to a
 * dropped key, an index on a dropped column) goes with it, as a person editing the code would do.
 * The standalone objects of {@link RandomObjects} (declared schemas, extensions, sequences and the
 * comments on schemas, enums, domains, composite types and sequences) are carried from A, following
 * renames (a sequence's owner) and dropped owners, or sometimes all decorated afresh, which adds, alters
 * and drops them.
 */
final class RandomMutations {
    /** B, the renames the mutations made, and a line per mutation for failure messages. */
    record Mutated(SchemaModel to, RenameDecisions decisions, List<String> log) {}

    private final RandomSchemas g;
    private List<Draft> drafts;
    private final List<Rename> renames = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    private final String ownedRolePrefix;

    private RandomMutations(RandomSchemas g, String ownedRolePrefix) {
        this.g = g;
        this.ownedRolePrefix = ownedRolePrefix;
    }

    /** 1-4 mutations of {@code a}; retries (deterministically) when a result fails validation or equals A. */
    static Mutated mutate(RandomSchemas g, SchemaModel a) {
        return mutate(g, a, null);
    }

    /** The same, where the schemas may own roles named from {@code ownedRolePrefix} (see {@code RandomAccess}). */
    static Mutated mutate(RandomSchemas g, SchemaModel a, String ownedRolePrefix) {
        for (int attempt = 0; ; attempt++) {
            RandomMutations m = new RandomMutations(g, ownedRolePrefix);
            g.enums().clear();
            a.enums().forEach(e -> g.enums().put(e.name(), new ArrayList<>(e.values())));
            m.drafts = new ArrayList<>(a.tables().stream().map(Draft::of).toList());
            try {
                int count = 1 + g.random().nextInt(4);
                for (int i = 0; i < count; i++) {
                    m.one();
                }
                SchemaModel b = m.objects(a, g.model(m.drafts));
                if (!b.equals(a)) {
                    return new Mutated(b, RenameDecisions.of(m.renames), m.log);
                }
            } catch (InvalidModelException e) {
                if (attempt > 50) {
                    throw e;
                }
            }
        }
    }

    /**
     * {@code b} (tables, enums and types as mutated) with A's standalone objects: a quarter of the time
     * decorated afresh, else A's carried over, a sequence owned by a column that is gone (or is no longer a
     * plain integer column) released, and an owner renamed along with its table or column.
     */
    private SchemaModel objects(SchemaModel a, SchemaModel b) {
        if (g.random().nextInt(4) == 0) {
            log.add("decorate the objects afresh");
            return new RandomObjects(g.random(), ownedRolePrefix).decorate(b);
        }
        b = access(a, b);
        List<dev.shale.model.Sequence> sequences = new ArrayList<>();
        for (dev.shale.model.Sequence q : a.sequences()) {
            dev.shale.model.Sequence.OwnedBy owner = q.ownedBy();
            if (owner != null) {
                QualifiedName table = newName(owner.table());
                String column = newColumn(owner.table(), owner.column());
                dev.shale.model.Table t = b.table(table);
                Column c = t == null ? null : t.column(column);
                boolean plain = c != null && c.identity() == null && c.generated() == null && c.defaultValue() == null
                        && c.type() instanceof ColumnType.Builtin bt && (bt.type() == PgType.INTEGER || bt.type() == PgType.BIGINT);
                owner = plain ? new dev.shale.model.Sequence.OwnedBy(table, column) : null;
            }
            sequences.add(q.withOwnedBy(owner));
        }
        return b.toBuilder().namespaces(a.namespaces()).extensions(a.extensions()).sequences(sequences)
                .enums(b.enums().stream().map(e -> a.enumType(e.name()) == null ? e : e.withComment(a.enumType(e.name()).comment())).toList())
                .domains(b.domains().stream().map(d -> a.domain(d.name()) == null ? d : d.withComment(a.domain(d.name()).comment())).toList())
                .compositeTypes(b.compositeTypes().stream().map(t -> a.compositeType(t.name()) == null ? t
                        : t.withComment(a.compositeType(t.name()).comment())).toList())
                .build();
    }

    /**
     * {@code b} with A's row security, policies, grants and roles carried over onto what B still has,
     * following table and column renames (a policy whose expressions name a column that is renamed or gone
     * goes, as does a grant on a column that is gone), then half of the time one change to them: row
     * security toggled (a partition's too), a policy's roles changed or the policy renamed, a grant revoked
     * or added (on a partition too), or an owned role's attributes changed.
     */
    private SchemaModel access(SchemaModel a, SchemaModel b) {
        List<dev.shale.model.Table> tables = new ArrayList<>();
        for (dev.shale.model.Table t : b.tables()) {
            dev.shale.model.Table old = a.table(oldName(t.name()));
            tables.add(old == null ? t : t.withRowSecurity(old.rowSecurity()));
        }
        List<dev.shale.model.Policy> policies = new ArrayList<>();
        for (dev.shale.model.Policy p : a.policies()) {
            QualifiedName now = newName(p.table());
            dev.shale.model.Table was = a.table(p.table());
            dev.shale.model.Table t = b.table(now);
            if (t == null || was == null) {
                continue;
            }
            boolean intact = was.columns().stream().allMatch(c -> {
                String quoted = dev.shale.model.Identifiers.show(c.name());
                boolean named = p.using() != null && p.using().contains(quoted) || p.withCheck() != null && p.withCheck().contains(quoted);
                return !named || t.column(c.name()) != null && newColumn(p.table(), c.name()).equals(c.name());
            });
            if (intact) {
                policies.add(p.withTable(now));
            }
        }
        List<dev.shale.model.Grant> grants = new ArrayList<>();
        for (dev.shale.model.Grant gr : a.grants()) {
            switch (gr.on()) {
                case TABLE -> {
                    QualifiedName now = newName(gr.object());
                    dev.shale.model.Table t = b.table(now);
                    if (t == null) {
                        continue;
                    }
                    if (gr.column() == null) {
                        grants.add(gr.withObject(now));
                    } else if (t.column(newColumn(gr.object(), gr.column())) != null) {
                        grants.add(gr.withObject(now).withColumn(newColumn(gr.object(), gr.column())));
                    }
                }
                case SEQUENCE -> {
                    if (b.sequence(gr.object()) != null) {
                        grants.add(gr);
                    }
                }
                case SCHEMA -> {
                    if (b.schemas().contains(gr.object().schema())) {
                        grants.add(gr);
                    }
                }
                default -> { }
            }
        }
        List<dev.shale.model.Role> roles = new ArrayList<>(a.roles().stream().filter(dev.shale.model.Role::owned).toList());
        if (g.random().nextBoolean()) {
            accessChange(tables, policies, grants, roles);
        }
        java.util.Set<String> named = new java.util.TreeSet<>();
        policies.forEach(p -> named.addAll(p.roles()));
        grants.forEach(gr -> named.add(gr.grantee()));
        named.remove(dev.shale.model.Policy.PUBLIC);
        roles.forEach(r -> named.remove(r.name()));
        named.forEach(n -> roles.add(dev.shale.model.Role.external(n)));
        return b.toBuilder().tables(tables).policies(policies).grants(grants.stream().distinct().toList()).roles(roles).build();
    }

    private void accessChange(List<dev.shale.model.Table> tables, List<dev.shale.model.Policy> policies,
                              List<dev.shale.model.Grant> grants, List<dev.shale.model.Role> roles) {
        List<String> names = new ArrayList<>(dev.shale.testing.RandomAccess.ROLES);
        roles.forEach(r -> names.add(r.name()));
        if (tables.isEmpty()) {
            return;
        }
        switch (g.random().nextInt(6)) {
            case 0 -> {
                int i = g.random().nextInt(tables.size());
                dev.shale.model.Table t = tables.get(i);
                dev.shale.model.RowSecurity rls = new dev.shale.model.RowSecurity(g.random().nextBoolean(), g.random().nextBoolean());
                tables.set(i, t.withRowSecurity(rls));
                log.add("row security of " + t.name() + " := " + rls);
            }
            case 1 -> {
                if (!policies.isEmpty()) {
                    int i = g.random().nextInt(policies.size());
                    dev.shale.model.Policy p = policies.get(i);
                    List<String> to = p.roles().isEmpty() ? List.of(g.pick(names)) : g.random().nextBoolean() ? List.of() : List.of(g.pick(names));
                    policies.set(i, p.withRoles(to));
                    log.add("roles of policy " + p.name() + " on " + p.table() + " := " + to);
                }
            }
            case 2 -> {
                if (!policies.isEmpty()) {
                    int i = g.random().nextInt(policies.size());
                    dev.shale.model.Policy p = policies.get(i);
                    String name = "renamed " + p.name();
                    if (policies.stream().noneMatch(x -> x.table().equals(p.table()) && x.name().equals(name))) {
                        policies.set(i, p.withName(name));
                        log.add("rename policy " + p.name() + " on " + p.table() + " to " + name);
                    }
                }
            }
            case 3 -> {
                if (!grants.isEmpty()) {
                    log.add("revoke " + grants.remove(g.random().nextInt(grants.size())));
                }
            }
            case 4 -> {
                dev.shale.model.Table t = tables.get(g.random().nextInt(tables.size()));
                dev.shale.model.Grant gr = dev.shale.model.Grant.table(t.name(),
                        g.pick(List.copyOf(dev.shale.model.Grant.On.TABLE.privileges())), g.pick(names));
                grants.add(gr);
                log.add("grant " + gr);
            }
            default -> {
                if (!roles.isEmpty()) {
                    int i = g.random().nextInt(roles.size());
                    dev.shale.model.Role r = roles.get(i);
                    dev.shale.model.Role changed = g.random().nextBoolean() ? r.withLogin(!r.login()).withConnectionLimit(g.random().nextInt(5))
                            : r.withBypassRls(!r.bypassRls()).withCreateDb(!r.createDb()).withInherit(!r.inherit());
                    roles.set(i, changed);
                    log.add("attributes of role " + r.name() + " := " + changed);
                }
            }
        }
    }

    /** The name a table of A has in B. */
    private QualifiedName newName(QualifiedName table) {
        for (Rename r : renames) {
            if (r.kind() == Rename.Kind.TABLE && r.table().equals(table)) {
                return r.table().withName(r.to());
            }
        }
        return table;
    }

    /** The name in A of a table of B. */
    private QualifiedName oldName(QualifiedName table) {
        for (Rename r : renames) {
            if (r.kind() == Rename.Kind.TABLE && r.table().withName(r.to()).equals(table)) {
                return r.table();
            }
        }
        return table;
    }

    /** The name in B of a column of a table of A. */
    private String newColumn(QualifiedName table, String column) {
        QualifiedName now = newName(table);
        for (Rename r : renames) {
            if (r.kind() == Rename.Kind.COLUMN && (r.table().equals(now) || r.table().equals(table)) && r.from().equals(column)) {
                return r.to();
            }
        }
        return column;
    }

    private void one() {
        int kind = g.random().nextInt(17);
        if (drafts.isEmpty() || kind == 0) {
            Draft t = g.table(g.pick(RandomSchemas.SCHEMAS));
            drafts.add(t);
            if (drafts.size() > 1 && g.random().nextBoolean()) {
                g.foreignKey(t, g.pick(drafts));
            }
            log.add("add table " + t.name);
            return;
        }
        Draft d = g.pick(drafts);
        Column c = d.columns.isEmpty() ? null : g.pick(d.columns);
        switch (kind) {
            case 1 -> {
                drafts.remove(d);
                log.add("drop table " + d.name);
                repair();
            }
            case 2 -> {
                QualifiedName old = d.name;
                d.name = old.withName(g.name("t"));
                for (Draft x : drafts) {
                    x.fks.replaceAll(f -> f.referencedTable().equals(old)
                            ? f.withReferencedTable(d.name) : f);
                }
                // Decisions name a table's final name: a second rename of the table moves its decisions on.
                Rename earlier = renames.stream().filter(x -> x.kind() == Rename.Kind.TABLE
                        && x.table().withName(x.to()).equals(old)).findFirst().orElse(null);
                renames.replaceAll(x -> x.kind() == Rename.Kind.COLUMN && x.table().equals(old)
                        ? Rename.column(d.name, x.from(), x.to()) : x);
                if (earlier != null) {
                    renames.set(renames.indexOf(earlier), Rename.table(earlier.table(), d.name.name()));
                } else {
                    renames.add(Rename.table(old, d.name.name()));
                }
                log.add("rename table " + old + " to " + d.name.name());
            }
            case 3 -> {
                d.columns.add(g.column(true));
                log.add("add column " + d.name + "." + d.columns.get(d.columns.size() - 1).name());
            }
            case 4 -> {
                if (c != null && d.columns.size() > 1) {
                    d.columns.remove(c);
                    log.add("drop column " + d.name + "." + c.name());
                    repair();
                }
            }
            case 5 -> {
                if (c != null) {
                    renameColumn(d, c);
                }
            }
            case 6 -> {
                if (c != null) {
                    alterType(d, c);
                }
            }
            case 7 -> {
                if (c != null && !d.inKey(c.name()) && !(c.type() instanceof ColumnType.Builtin b && b.type().isSerial())) {
                    d.columns.set(d.indexOf(c.name()), c.withNotNull(!c.notNull()));
                    log.add("toggle not null " + d.name + "." + c.name());
                }
            }
            case 8 -> {
                if (c != null && !(c.type() instanceof ColumnType.Builtin b && b.type().isSerial())) {
                    DefaultValue def = g.random().nextInt(3) == 0 ? null : g.defaultFor(c.type());
                    d.columns.set(d.indexOf(c.name()), new Column(c.name(), c.type(), c.notNull(), def));
                    log.add("default of " + d.name + "." + c.name() + " := " + def);
                }
            }
            case 9 -> {
                g.addUnique(d);
                log.add("add unique (maybe) to " + d.name);
            }
            case 10 -> {
                g.addCheck(d);
                log.add("add check (maybe) to " + d.name);
            }
            case 11 -> {
                g.addIndex(d);
                log.add("add index (maybe) to " + d.name);
            }
            case 12 -> {
                g.foreignKey(d, g.pick(drafts));
                log.add("add foreign key (maybe) to " + d.name);
            }
            case 13 -> dropSomething(d);
            case 14 -> addEnumValue(d);
            case 15 -> {
                if (c != null) {
                    columnFeature(d, c);
                }
            }
            case 16 -> option(d);
            default -> {
                List<String> key = g.keyable(d).isEmpty() ? null : g.pick(g.keyable(d), 1);
                if (d.pk == null && key != null && !d.keys().contains(key)) { // see RandomSchemas.addUnique
                    d.pk = new PrimaryKey(g.name("pk"), key);
                    log.add("add primary key to " + d.name);
                } else if (d.pk != null) {
                    d.pk = null;
                    log.add("drop primary key of " + d.name);
                    repair();
                }
            }
        }
    }

    /**
     * Changes a column feature: its comment, its collation (string types), identity on, off or other options
     * (integer types), serial to identity and back, or a generation expression on or off (only on a column
     * no key, index, check or foreign key uses, since a new expression drops and adds the column).
     */
    private void columnFeature(Draft d, Column c) {
        int i = d.indexOf(c.name());
        Column next = switch (g.random().nextInt(5)) {
            case 0 -> c.withComment(c.comment() == null ? g.comment() : g.random().nextBoolean() ? null : g.comment());
            case 1 -> RandomSchemas.isString(c.type()) && c.generated() == null
                    ? c.withCollation(c.collation() == null ? g.pick(RandomSchemas.COLLATIONS) : null) : c;
            case 2 -> {
                boolean integer = c.type() instanceof ColumnType.Builtin b && (b.type() == PgType.SMALLINT
                        || b.type() == PgType.INTEGER || b.type() == PgType.BIGINT);
                yield integer && c.generated() == null
                        ? (c.identity() == null || g.random().nextBoolean() ? c.withDefault(null).withIdentity(g.identity()) : c.withIdentity(null))
                        : c;
            }
            case 3 -> {
                if (c.type() instanceof ColumnType.Builtin b && b.type().isSerial()) {
                    yield new Column(c.name(), ColumnType.Builtin.of(b.type() == PgType.SERIAL ? PgType.INTEGER : PgType.BIGINT),
                            true, null, g.identity(), null, null, c.comment());
                }
                yield c.identity() != null && c.type() instanceof ColumnType.Builtin b && b.type() != PgType.SMALLINT
                        ? new Column(c.name(), ColumnType.Builtin.of(b.type() == PgType.INTEGER ? PgType.SERIAL : PgType.BIGSERIAL),
                                true, null, null, null, null, c.comment())
                        : c;
            }
            default -> {
                boolean free = !d.inKey(c.name()) && !d.inOwnForeignKey(c.name()) && drafts.stream().noneMatch(x -> x.fks.stream()
                        .anyMatch(f -> f.referencedTable().equals(d.name) && f.referencedColumns().contains(c.name())))
                        && d.checks.stream().noneMatch(k -> Draft.mentions(k.expression(), c.name()))
                        && d.indexes.stream().noneMatch(ix -> ix.keys().stream().anyMatch(k -> c.name().equals(k.column())
                                || k.expression() != null && Draft.mentions(k.expression(), c.name()))
                                || ix.where() != null && Draft.mentions(ix.where(), c.name()));
                if (!free || c.identity() != null || c.type() instanceof ColumnType.Builtin b && b.type().isSerial()
                        || !generable(c.type())) {
                    yield c;
                }
                yield c.generated() != null ? c.withGenerated(null) : c.withDefault(null).withGenerated(g.generation(c.type()));
            }
        };
        if (!next.equals(c)) {
            d.columns.set(i, next);
            log.add("column feature of " + d.name + "." + c.name() + ": " + next);
        }
    }

    private static boolean generable(ColumnType t) {
        return t instanceof ColumnType.Builtin b && (b.type() == PgType.INTEGER || b.type() == PgType.BIGINT
                || b.type() == PgType.TEXT || b.type() == PgType.BOOLEAN);
    }

    private void renameColumn(Draft d, Column c) {
        String from = c.name();
        String to = g.name("c");
        d.columns.set(d.indexOf(from), c.withName(to));
        if (d.pk != null) {
            d.pk = d.pk.withColumns(swap(d.pk.columns(), from, to));
        }
        d.uniques.replaceAll(u -> u.withColumns(swap(u.columns(), from, to)));
        d.checks.replaceAll(k -> k.withExpression(k.expression().replace(Draft.quote(from), Draft.quote(to))));
        d.fks.replaceAll(f -> f.withColumns(swap(f.columns(), from, to)));
        java.util.function.UnaryOperator<IndexKey> key = k -> k.column() != null
                ? (k.column().equals(from) ? k.withColumn(to) : k)
                : k.withExpression(k.expression().replace(Draft.quote(from), Draft.quote(to)));
        d.indexes.replaceAll(ix -> {
            String where = ix.where() == null ? null : ix.where().replace(Draft.quote(from), Draft.quote(to));
            return ix.withKeys(ix.keys().stream().map(key).toList()).withWhere(where).withInclude(swap(ix.include(), from, to));
        });
        d.exclusions.replaceAll(x -> new Exclusion(x.name(), x.method(), x.elements().stream()
                .map(e -> new Exclusion.Element(key.apply(e.key()), e.operator())).toList(), swap(x.include(), from, to),
                x.where() == null ? null : x.where().replace(Draft.quote(from), Draft.quote(to)), x.deferral(), x.comment()));
        for (Draft x : drafts) {
            x.fks.replaceAll(f -> f.referencedTable().equals(d.name)
                    ? f.withReferencedColumns(swap(f.referencedColumns(), from, to)) : f);
        }
        Rename earlier = renames.stream().filter(x -> x.kind() == Rename.Kind.COLUMN && x.table().equals(d.name)
                && x.to().equals(from)).findFirst().orElse(null);
        if (earlier != null) {
            renames.set(renames.indexOf(earlier), Rename.column(d.name, earlier.from(), to));
        } else {
            renames.add(Rename.column(d.name, from, to));
        }
        log.add("rename column " + d.name + "." + from + " to " + to);
    }

    /** Safe casts only, and never on a column in a foreign key (either end), whose types must stay equal. */
    private void alterType(Draft d, Column c) {
        boolean referenced = drafts.stream().anyMatch(x -> x.fks.stream()
                .anyMatch(f -> f.referencedTable().equals(d.name) && f.referencedColumns().contains(c.name())));
        // PostgreSQL cannot change the type of a partition key column.
        boolean partitionKey = d.partitioning != null && d.partitioning.keys().stream().anyMatch(k -> c.name().equals(k.column()));
        if (referenced || partitionKey || d.inOwnForeignKey(c.name()) || !(c.type() instanceof ColumnType.Builtin b)) {
            return;
        }
        ColumnType next = switch (b.type()) {
            case VARCHAR -> b.length() == null ? ColumnType.Builtin.of(PgType.TEXT)
                    : g.random().nextBoolean() ? ColumnType.Builtin.of(PgType.TEXT) : new ColumnType.Builtin(PgType.VARCHAR, b.length() + 10, null, null);
            case TEXT -> g.random().nextBoolean() ? ColumnType.Builtin.of(PgType.VARCHAR) : new ColumnType.Builtin(PgType.VARCHAR, 50, null, null);
            case INTEGER -> ColumnType.Builtin.of(PgType.BIGINT);
            case SMALLINT -> ColumnType.Builtin.of(PgType.INTEGER);
            default -> null;
        };
        if (next != null) {
            d.columns.set(d.indexOf(c.name()), new Column(c.name(), next, c.notNull(), c.defaultValue()));
            log.add("type of " + d.name + "." + c.name() + " := " + next.spec());
        }
    }

    private void dropSomething(Draft d) {
        int k = g.random().nextInt(4);
        if (k == 0 && !d.uniques.isEmpty()) {
            log.add("drop unique " + d.uniques.remove(g.random().nextInt(d.uniques.size())).name());
        } else if (k == 1 && !d.checks.isEmpty()) {
            log.add("drop check " + d.checks.remove(g.random().nextInt(d.checks.size())).name());
        } else if (k == 2 && !d.fks.isEmpty()) {
            log.add("drop foreign key " + d.fks.remove(g.random().nextInt(d.fks.size())).name());
        } else if (!d.indexes.isEmpty()) {
            log.add("drop index " + d.indexes.remove(g.random().nextInt(d.indexes.size())).name());
        }
        repair();
    }

    /** Adds a value at a random place of an enum; sometimes a column starts defaulting to it. */
    private void addEnumValue(Draft d) {
        if (g.enums().isEmpty()) {
            QualifiedName n = g.newEnum(g.pick(RandomSchemas.SCHEMAS));
            d.columns.add(new Column(g.name("c"), new ColumnType.EnumRef(n), false, null));
            log.add("add enum " + n + " and a column of it to " + d.name);
            return;
        }
        QualifiedName n = g.pick(new ArrayList<>(g.enums().keySet()));
        List<String> values = g.enums().get(n);
        String value = g.name("v");
        values.add(g.random().nextInt(values.size() + 1), value);
        log.add("add value " + value + " to " + n);
        for (Draft x : drafts) {
            for (int i = 0; i < x.columns.size(); i++) {
                Column c = x.columns.get(i);
                if (c.type().equals(new ColumnType.EnumRef(n)) && g.random().nextBoolean()) {
                    x.columns.set(i, new Column(c.name(), c.type(), c.notNull(), DefaultValue.string(value)));
                    log.add("default of " + x.name + "." + c.name() + " := new value " + value);
                }
            }
        }
    }

    /**
     * One option of this table changed in place or toggled: a key's deferral, NULLS NOT DISTINCT, a
     * check's NOT VALID or NO INHERIT, a foreign key's deferral or NOT VALID, an exclusion added or
     * dropped, an index's storage, UNLOGGED, the table's storage or its replica identity.
     */
    private void option(Draft d) {
        List<Deferral> deferrals = List.of(Deferral.values());
        switch (g.random().nextInt(9)) {
            case 0 -> {
                if (d.pk != null) {
                    d.pk = d.pk.withDeferral(g.pick(deferrals));
                    log.add("deferral of the primary key of " + d.name + " := " + d.pk.deferral());
                }
            }
            case 1 -> {
                if (!d.uniques.isEmpty()) {
                    int i = g.random().nextInt(d.uniques.size());
                    Unique u = d.uniques.get(i);
                    d.uniques.set(i, g.random().nextBoolean() && g.nullsNotDistinct() ? u.withNullsNotDistinct(!u.nullsNotDistinct()) : u.withDeferral(g.pick(deferrals)));
                    log.add("options of unique " + u.name() + " := " + d.uniques.get(i));
                }
            }
            case 2 -> {
                if (!d.checks.isEmpty()) {
                    int i = g.random().nextInt(d.checks.size());
                    dev.shale.model.Check k = d.checks.get(i);
                    // only NOT VALID -> valid: PostgreSQL cannot un-validate, so a validated constraint satisfies a
                    // NOT VALID model and the other direction is deliberately no change (see OptionChanges)
                    // a partitioned table takes no NO INHERIT check
                    d.checks.set(i, k.notValid() && g.random().nextBoolean() || d.partitioning != null ? k.withNotValid(false)
                            : k.withNoInherit(!k.noInherit()));
                    log.add("options of check " + k.name() + " := " + d.checks.get(i));
                }
            }
            case 3 -> {
                if (!d.fks.isEmpty()) {
                    int i = g.random().nextInt(d.fks.size());
                    ForeignKey f = d.fks.get(i);
                    d.fks.set(i, f.notValid() && g.random().nextBoolean() ? f.withNotValid(false) : f.withDeferral(g.pick(deferrals)));
                    log.add("options of foreign key " + f.name() + " := " + d.fks.get(i));
                }
            }
            case 4 -> {
                if (d.exclusions.isEmpty() || g.random().nextBoolean()) {
                    g.addExclusion(d);
                    log.add("add exclusion (maybe) to " + d.name);
                } else {
                    log.add("drop exclusion " + d.exclusions.remove(g.random().nextInt(d.exclusions.size())).name());
                }
            }
            case 5 -> {
                if (!d.indexes.isEmpty()) {
                    int i = g.random().nextInt(d.indexes.size());
                    Index ix = d.indexes.get(i);
                    boolean btreeLike = ix.method() != dev.shale.model.IndexMethod.GIN && ix.method() != dev.shale.model.IndexMethod.BRIN;
                    d.indexes.set(i, ix.withStorage(!ix.storage().isEmpty() || !btreeLike ? java.util.Map.of()
                            : java.util.Map.of("fillfactor", String.valueOf(60 + g.random().nextInt(41)))));
                    log.add("storage of index " + ix.name() + " := " + d.indexes.get(i).storage());
                }
            }
            // A partitioned table has no storage of its own: neither UNLOGGED nor storage parameters.
            case 6 -> {
                if (d.partitioning != null) {
                    return;
                }
                d.unlogged = !d.unlogged;
                log.add("unlogged of " + d.name + " := " + d.unlogged);
            }
            case 7 -> {
                if (d.partitioning != null) {
                    return;
                }
                d.storage = d.storage.isEmpty() ? java.util.Map.of("fillfactor", String.valueOf(50 + g.random().nextInt(51)))
                        : g.random().nextBoolean() ? java.util.Map.of() : java.util.Map.of("autovacuum_enabled", "false");
                log.add("storage of " + d.name + " := " + d.storage);
            }
            default -> {
                g.replicaIdentity(d);
                log.add("replica identity of " + d.name + " := " + d.replicaIdentity);
            }
        }
    }

    /** Removes what a drop left dangling: keys, checks and indexes on missing columns, foreign keys to missing keys. */
    private void repair() {
        for (Draft d : drafts) {
            if (d.pk != null && !d.pk.columns().stream().allMatch(c -> d.column(c) != null)) {
                d.pk = null;
            }
            d.uniques.removeIf(u -> !u.columns().stream().allMatch(c -> d.column(c) != null));
            d.checks.removeIf(k -> d.columns.stream().noneMatch(c -> Draft.mentions(k.expression(), c.name())));
            d.indexes.removeIf(ix -> !indexKnown(d, ix) || !ix.include().stream().allMatch(c -> d.column(c) != null));
            d.exclusions.removeIf(x -> !x.columns().stream().allMatch(c -> d.column(c) != null));
            String identity = d.replicaIdentity.index();
            if (identity != null && (d.pk == null || !d.pk.name().equals(identity))
                    && d.uniques.stream().noneMatch(u -> u.name().equals(identity))
                    && d.indexes.stream().noneMatch(ix -> ix.name().equals(identity))) {
                d.replicaIdentity = dev.shale.model.ReplicaIdentity.DEFAULT;
            }
        }
        for (Draft d : drafts) {
            d.fks.removeIf(f -> {
                if (!f.columns().stream().allMatch(c -> d.column(c) != null)) {
                    return true;
                }
                Draft target = drafts.stream().filter(x -> x.name.equals(f.referencedTable())).findFirst().orElse(null);
                return target == null || target.foreignKeyTargets().stream().noneMatch(k -> k.equals(f.referencedColumns()));
            });
        }
    }

    private static boolean indexKnown(Draft d, Index ix) {
        for (IndexKey k : ix.keys()) {
            if (k.column() != null ? d.column(k.column()) == null : d.columns.stream().noneMatch(c -> Draft.mentions(k.expression(), c.name()))) {
                return false;
            }
        }
        return ix.where() == null || d.columns.stream().anyMatch(c -> Draft.mentions(ix.where(), c.name()));
    }

    private static List<String> swap(List<String> cols, String from, String to) {
        return cols.stream().map(c -> c.equals(from) ? to : c).toList();
    }
}
