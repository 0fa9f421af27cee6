package dev.shale.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A whole database schema as Shale models it: the enums and tables the project owns, and the tables
 * it only refers to ({@code auth.users} on Supabase), which are never created or dropped. The DSL,
 * a snapshot file and (later) a live database all produce this one type.
 *
 * <p>Lists are sorted by qualified name, so equality is structural and order-independent.
 *
 * @param enums owned enum types
 * @param tables owned tables
 * @param externalTables tables referenced but not owned; only their names and columns matter
 * @param namespaces schemas the code declares as objects (with their comments), sorted by name
 * @param extensions extensions the schema needs, sorted by name
 * @param sequences standalone sequences
 * @param domains domains
 * @param compositeTypes composite types
 * @param routines functions, procedures and aggregates, sorted by {@link Routine#signature()}
 * @param triggers triggers, sorted by table and name
 * @param policies row-level security policies, sorted by table and name
 * @param grants privileges granted, one privilege per grant, sorted
 * @param roles the roles policies and grants name (owned ones are created), sorted by name
 * @param views views and materialized views
 */
public record SchemaModel(List<EnumType> enums, List<Table> tables, List<Table> externalTables,
                          List<Namespace> namespaces, List<Extension> extensions, List<Sequence> sequences,
                          List<Domain> domains, List<CompositeType> compositeTypes, List<View> views,
                          List<Routine> routines, List<Trigger> triggers, List<Policy> policies, List<Grant> grants,
                          List<Role> roles) {
    public static final SchemaModel EMPTY = new SchemaModel(List.of(), List.of(), List.of());

    public SchemaModel {
        enums = sorted(enums, EnumType::name);
        tables = sorted(tables, Table::name);
        externalTables = sorted(externalTables, Table::name);
        namespaces = sortedBy(namespaces, Namespace::name);
        extensions = sortedBy(extensions, Extension::name);
        sequences = sorted(sequences, Sequence::name);
        domains = sorted(domains, Domain::name);
        compositeTypes = sorted(compositeTypes, CompositeType::name);
        routines = sortedBy(routines, Routine::signature);
        triggers = sortedTriggers(triggers);
        validate(enums, tables, externalTables);
        PartitionRules.validate(tables);
        validateObjects(enums, tables, namespaces, extensions, sequences, domains, compositeTypes);
        RoutineRules.validate(tables, routines, triggers);
        policies = sortedPolicies(policies);
        grants = sortedGrants(grants);
        roles = sortedBy(roles, Role::name);
        AccessRules.validate(tables, externalTables, sequences, policies, grants, roles);
        views = sorted(views, View::name);
        validateViews(tables, sequences, views);
    }

    /** A model of the objects before views, routines, triggers, policies, grants and roles. */
    public SchemaModel(List<EnumType> enums, List<Table> tables, List<Table> externalTables,
                       List<Namespace> namespaces, List<Extension> extensions, List<Sequence> sequences,
                       List<Domain> domains, List<CompositeType> compositeTypes) {
        this(enums, tables, externalTables, namespaces, extensions, sequences, domains, compositeTypes,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A model of enums and tables only. */
    public SchemaModel(List<EnumType> enums, List<Table> tables, List<Table> externalTables) {
        this(enums, tables, externalTables, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The role of that name, or null. */
    public Role role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The policies on one table, by name. */
    public List<Policy> policiesOn(QualifiedName table) {
        return policies.stream().filter(p -> p.table().equals(table)).toList();
    }

    /** The declared schema object of that name, or null. */
    public Namespace namespace(String name) {
        return namespaces.stream().filter(n -> n.name().equals(name)).findFirst().orElse(null);
    }

    /** The extension of that name, or null. */
    public Extension extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /** The standalone sequence of that name, or null. */
    public Sequence sequence(QualifiedName name) {
        return find(sequences, Sequence::name, name);
    }

    /** The domain of that name, or null. */
    public Domain domain(QualifiedName name) {
        return find(domains, Domain::name, name);
    }

    /** The composite type of that name, or null. */
    public CompositeType compositeType(QualifiedName name) {
        return find(compositeTypes, CompositeType::name, name);
    }

    /** The routine with that signature (same name and argument types), or null. */
    public Routine routine(Routine like) {
        return routines.stream().filter(r -> r.sameIdentity(like)).findFirst().orElse(null);
    }

    /** The trigger of that name on that table, or null. */
    public Trigger trigger(QualifiedName table, String name) {
        return triggers.stream().filter(t -> t.table().equals(table) && t.name().equals(name)).findFirst().orElse(null);
    }

    /** The view or materialized view of that name, or null. */
    public View view(QualifiedName name) {
        return find(views, View::name, name);
    }

    /** The enum of that name, or null. (Lists are sorted by name, so lookups are binary searches.) */
    public EnumType enumType(QualifiedName name) {
        return find(enums, EnumType::name, name);
    }

    /** The owned table of that name, or null. */
    public Table table(QualifiedName name) {
        return find(tables, Table::name, name);
    }

    /** The external table of that name, or null. */
    public Table externalTable(QualifiedName name) {
        return find(externalTables, Table::name, name);
    }

    private static <T> T find(List<T> sorted, Function<T, QualifiedName> key, QualifiedName name) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = key.apply(sorted.get(mid)).compareTo(name);
            if (c == 0) {
                return sorted.get(mid);
            } else if (c < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return null;
    }

    /** The schemas (namespaces) that owned objects live in, and the declared ones, sorted. */
    public Set<String> schemas() {
        Set<String> names = new TreeSet<>();
        enums.forEach(e -> names.add(e.name().schema()));
        tables.forEach(t -> names.add(t.name().schema()));
        namespaces.forEach(n -> names.add(n.name()));
        sequences.forEach(q -> names.add(q.name().schema()));
        domains.forEach(d -> names.add(d.name().schema()));
        compositeTypes.forEach(c -> names.add(c.name().schema()));
        routines.forEach(r -> names.add(r.name().schema()));
        views.forEach(v -> names.add(v.name().schema()));
        return names;
    }

    /** This model with one enum replaced (or added), the rest unchanged. */
    public SchemaModel withEnum(EnumType replacement) {
        return withEnums(replaced(enums, EnumType::name, replacement));
    }

    /** This model with one owned table replaced (or added), the rest unchanged. */
    public SchemaModel withTable(Table replacement) {
        return withTables(replaced(tables, Table::name, replacement));
    }

    /** This model with other owned enums; checked like any model. */
    public SchemaModel withEnums(List<EnumType> newEnums) {
        return toBuilder().enums(newEnums).build();
    }

    /** This model with other owned tables; checked like any model. */
    public SchemaModel withTables(List<Table> newTables) {
        return toBuilder().tables(newTables).build();
    }

    /** This model with other external tables; checked like any model. */
    public SchemaModel withExternalTables(List<Table> newExternalTables) {
        return toBuilder().externalTables(newExternalTables).build();
    }

    /** An empty builder: a model that grows a part later keeps every builder call compiling. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this model's parts, for changing several at once (each {@code with...} method
     * checks the whole model, so a rename of an enum and its columns' types goes through one builder).
     */
    public Builder toBuilder() {
        return new Builder().enums(enums).tables(tables).externalTables(externalTables).namespaces(namespaces)
                .extensions(extensions).sequences(sequences).domains(domains).compositeTypes(compositeTypes).views(views)
                .routines(routines).triggers(triggers)
                .policies(policies).grants(grants).roles(roles);
    }

    public SchemaModel withPolicies(List<Policy> value) {
        return toBuilder().policies(value).build();
    }

    public SchemaModel withGrants(List<Grant> value) {
        return toBuilder().grants(value).build();
    }

    public SchemaModel withRoles(List<Role> value) {
        return toBuilder().roles(value).build();
    }

    public SchemaModel withNamespaces(List<Namespace> value) {
        return toBuilder().namespaces(value).build();
    }

    public SchemaModel withExtensions(List<Extension> value) {
        return toBuilder().extensions(value).build();
    }

    public SchemaModel withSequences(List<Sequence> value) {
        return toBuilder().sequences(value).build();
    }

    public SchemaModel withDomains(List<Domain> value) {
        return toBuilder().domains(value).build();
    }

    public SchemaModel withCompositeTypes(List<CompositeType> value) {
        return toBuilder().compositeTypes(value).build();
    }

    public SchemaModel withRoutines(List<Routine> value) {
        return toBuilder().routines(value).build();
    }

    public SchemaModel withTriggers(List<Trigger> value) {
        return toBuilder().triggers(value).build();
    }

    public SchemaModel withViews(List<View> value) {
        return toBuilder().views(value).build();
    }

    /** This model with one view replaced (or added), the rest unchanged. */
    public SchemaModel withView(View replacement) {
        return withViews(replaced(views, View::name, replacement));
    }

    private static <T> List<T> replaced(List<T> items, Function<T, QualifiedName> key, T replacement) {
        List<T> next = new ArrayList<>();
        for (T item : items) {
            if (!key.apply(item).equals(key.apply(replacement))) {
                next.add(item);
            }
        }
        next.add(replacement);
        return next;
    }

    /**
     * Collects the parts of a {@link SchemaModel}; {@link #build} checks them as the constructor does.
     * Lists may be given in any order: the model sorts them by name.
     */
    public static final class Builder {
        private final List<EnumType> enums = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Table> externalTables = new ArrayList<>();
        private final List<Namespace> namespaces = new ArrayList<>();
        private final List<Extension> extensions = new ArrayList<>();
        private final List<Sequence> sequences = new ArrayList<>();
        private final List<Domain> domains = new ArrayList<>();
        private final List<CompositeType> compositeTypes = new ArrayList<>();
        private final List<Routine> routines = new ArrayList<>();
        private final List<Trigger> triggers = new ArrayList<>();
        private final List<Policy> policies = new ArrayList<>();
        private final List<Grant> grants = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<View> views = new ArrayList<>();

        private Builder() {}

        public Builder routines(List<Routine> values) {
            return replace(routines, values, "routine", "routines");
        }

        public Builder addRoutine(Routine value) {
            return add(routines, value, "routine");
        }

        public Builder triggers(List<Trigger> values) {
            return replace(triggers, values, "trigger", "triggers");
        }

        public Builder addTrigger(Trigger value) {
            return add(triggers, value, "trigger");
        }

        public Builder policies(List<Policy> values) {
            return replace(policies, values, "policy", "policies");
        }

        public Builder addPolicy(Policy value) {
            return add(policies, value, "policy");
        }

        public Builder grants(List<Grant> values) {
            return replace(grants, values, "grant", "grants");
        }

        public Builder addGrant(Grant value) {
            return add(grants, value, "grant");
        }

        public Builder roles(List<Role> values) {
            return replace(roles, values, "role", "roles");
        }

        public Builder addRole(Role value) {
            return add(roles, value, "role");
        }

        /** Replaces the views and materialized views. */
        public Builder views(List<View> values) {
            return replace(views, values, "view", "views");
        }

        public Builder addView(View value) {
            return add(views, value, "view");
        }

        /** Replaces the declared schemas. */
        public Builder namespaces(List<Namespace> values) {
            return replace(namespaces, values, "schema", "schemas");
        }

        public Builder addNamespace(Namespace value) {
            return add(namespaces, value, "schema");
        }

        public Builder extensions(List<Extension> values) {
            return replace(extensions, values, "extension", "extensions");
        }

        public Builder addExtension(Extension value) {
            return add(extensions, value, "extension");
        }

        public Builder sequences(List<Sequence> values) {
            return replace(sequences, values, "sequence", "sequences");
        }

        public Builder addSequence(Sequence value) {
            return add(sequences, value, "sequence");
        }

        public Builder domains(List<Domain> values) {
            return replace(domains, values, "domain", "domains");
        }

        public Builder addDomain(Domain value) {
            return add(domains, value, "domain");
        }

        public Builder compositeTypes(List<CompositeType> values) {
            return replace(compositeTypes, values, "composite type", "composite types");
        }

        public Builder addCompositeType(CompositeType value) {
            return add(compositeTypes, value, "composite type");
        }

        /** Replaces the owned enums. */
        public Builder enums(List<EnumType> values) {
            return replace(enums, values, "enum", "enums");
        }

        public Builder addEnum(EnumType value) {
            return add(enums, value, "enum");
        }

        /** Replaces the owned tables. */
        public Builder tables(List<Table> values) {
            return replace(tables, values, "table", "tables");
        }

        public Builder addTable(Table value) {
            return add(tables, value, "table");
        }

        /** Replaces the external tables. */
        public Builder externalTables(List<Table> values) {
            return replace(externalTables, values, "external table", "external tables");
        }

        public Builder addExternalTable(Table value) {
            return add(externalTables, value, "external table");
        }

        /** The model; throws {@link InvalidModelException} when the parts break a rule. */
        public SchemaModel build() {
            return new SchemaModel(enums, tables, externalTables, namespaces, extensions, sequences, domains, compositeTypes,
                    views, routines, triggers, policies, grants, roles);
        }

        private <T> Builder replace(List<T> list, List<? extends T> values, String what, String plural) {
            if (values == null) {
                throw new InvalidModelException("schema model", "a null list of " + plural + " was given (give an empty list for none)");
            }
            list.clear();
            values.forEach(v -> add(list, v, what));
            return this;
        }

        private <T> Builder add(List<T> list, T value, String what) {
            if (value == null) {
                throw new InvalidModelException("schema model", "a null " + what + " was given");
            }
            list.add(value);
            return this;
        }
    }

    private static void validate(List<EnumType> enums, List<Table> tables, List<Table> externals) {
        Set<QualifiedName> enumNames = new HashSet<>();
        for (EnumType e : enums) {
            if (!enumNames.add(e.name())) {
                throw new InvalidModelException("enum " + e.name().display(), "is declared twice");
            }
        }
        Map<QualifiedName, Table> byName = new HashMap<>();
        Set<QualifiedName> externalNames = new HashSet<>();
        for (Table t : externals) {
            externalNames.add(t.name());
            if (byName.put(t.name(), t) != null) {
                throw new InvalidModelException("external table " + t.name().display(), "is declared twice");
            }
        }
        // Tables, indexes and the indexes behind primary keys and unique constraints share one
        // namespace per schema in PostgreSQL.
        Map<QualifiedName, String> relations = new HashMap<>();
        for (Table t : tables) {
            if (byName.put(t.name(), t) != null) {
                throw new InvalidModelException("table " + t.name().display(),
                        "is declared twice (or as both an owned and an external table)");
            }
            claim(relations, t.name(), "table " + t.name().display());
        }
        for (Table t : tables) {
            String owner = "table " + t.name().display();
            if (t.primaryKey() != null) {
                claim(relations, t.name().withName(t.primaryKey().name()), "primary key of " + owner);
            }
            for (Unique u : t.uniques()) {
                claim(relations, t.name().withName(u.name()), "unique constraint of " + owner);
            }
            for (Index ix : t.indexes()) {
                claim(relations, t.name().withName(ix.name()), "index of " + owner);
            }
            for (Exclusion x : t.exclusions()) {
                claim(relations, t.name().withName(x.name()), "exclusion constraint of " + owner);
            }
            for (Column c : t.columns()) {
                ColumnType type = c.type() instanceof ColumnType.ArrayOf a ? a.element() : c.type();
                if (type instanceof ColumnType.EnumRef ref && !enumNames.contains(ref.name())) {
                    throw new InvalidModelException(owner, "column " + Identifiers.show(c.name()) + " has type "
                            + ref.name().display() + ", which is not an enum of the schema; declare the enum");
                }
            }
            for (ForeignKey fk : t.foreignKeys()) {
                String self = owner + ", foreign key " + Identifiers.show(fk.name());
                Table target = byName.get(fk.referencedTable());
                if (target == null) {
                    throw new InvalidModelException(self, "references table " + fk.referencedTable().display()
                            + ", which is not part of the schema; declare it, or declare it as an external table if another system owns it");
                }
                for (String col : fk.referencedColumns()) {
                    if (target.column(col) == null) {
                        throw new InvalidModelException(self, "references column " + Identifiers.show(col)
                                + " of " + fk.referencedTable().display() + ", which that table does not have");
                    }
                }
                if (target.unlogged() && !t.unlogged()) {
                    throw new InvalidModelException(self, "references the unlogged table " + target.name().display()
                            + "; PostgreSQL lets only unlogged tables reference one. Make this table unlogged or that one logged");
                }
                boolean external = externalNames.contains(target.name());
                if (!external && !target.isUniqueKey(fk.referencedColumns())) {
                    throw new InvalidModelException(self, "references " + fk.referencedColumns() + " of "
                            + fk.referencedTable().display() + ", which is neither its primary key nor unique"
                            + " (a deferrable key does not count); PostgreSQL requires an immediate unique key there");
                }
            }
        }
    }

    private static void validateObjects(List<EnumType> enums, List<Table> tables, List<Namespace> namespaces,
                                        List<Extension> extensions, List<Sequence> sequences, List<Domain> domains,
                                        List<CompositeType> composites) {
        Set<String> seen = new HashSet<>();
        for (Namespace n : namespaces) {
            if (!seen.add(n.name())) {
                throw new InvalidModelException("schema " + Identifiers.show(n.name()), "is declared twice");
            }
        }
        seen.clear();
        for (Extension e : extensions) {
            if (!seen.add(e.name())) {
                throw new InvalidModelException("extension " + Identifiers.show(e.name()), "is declared twice");
            }
        }
        // Sequences share the relation namespace with tables; a table also has a row type, so types
        // (enums, domains, composites) and tables share the type namespace.
        Map<QualifiedName, String> relations = new HashMap<>();
        Map<QualifiedName, String> types = new HashMap<>();
        for (Table t : tables) {
            relations.put(t.name(), "table " + t.name().display());
            types.put(t.name(), "table " + t.name().display());
        }
        for (EnumType e : enums) {
            claim(types, e.name(), "enum " + e.name().display());
        }
        for (Domain d : domains) {
            claim(types, d.name(), "domain " + d.name().display());
        }
        for (CompositeType c : composites) {
            claim(types, c.name(), "composite type " + c.name().display());
        }
        UserTypes.validate(enums, tables, domains, composites);
        for (Sequence q : sequences) {
            claim(relations, q.name(), "sequence " + q.name().display());
            if (q.ownedBy() != null) {
                Table owner = tables.stream().filter(t -> t.name().equals(q.ownedBy().table())).findFirst().orElse(null);
                if (owner == null || owner.column(q.ownedBy().column()) == null) {
                    throw new InvalidModelException("sequence " + q.name().display(), "is OWNED BY "
                            + q.ownedBy().table().display() + "." + Identifiers.show(q.ownedBy().column())
                            + ", which is not a column of an owned table");
                }
                if (!owner.name().schema().equals(q.name().schema())) {
                    throw new InvalidModelException("sequence " + q.name().display(), "is OWNED BY a column of "
                            + owner.name().display() + "; PostgreSQL requires the sequence and the table in one schema");
                }
            }
        }
    }

    /**
     * Views share the relation namespace with tables, sequences and indexes (a materialized view's indexes
     * too), and the type namespace with tables (each has a row type).
     */
    private static void validateViews(List<Table> tables, List<Sequence> sequences, List<View> views) {
        Map<QualifiedName, String> relations = new HashMap<>();
        for (Table t : tables) {
            relations.put(t.name(), "table " + t.name().display());
            if (t.primaryKey() != null) {
                relations.put(t.name().withName(t.primaryKey().name()), "primary key of table " + t.name().display());
            }
            t.uniques().forEach(u -> relations.put(t.name().withName(u.name()), "unique constraint of table " + t.name().display()));
            t.indexes().forEach(ix -> relations.put(t.name().withName(ix.name()), "index of table " + t.name().display()));
            t.exclusions().forEach(x -> relations.put(t.name().withName(x.name()), "exclusion constraint of table " + t.name().display()));
        }
        sequences.forEach(q -> relations.put(q.name(), "sequence " + q.name().display()));
        for (View v : views) {
            claim(relations, v.name(), v.display());
        }
        for (View v : views) {
            for (Index ix : v.indexes()) {
                claim(relations, v.name().withName(ix.name()), "index of " + v.display());
                Set<String> known = new HashSet<>(v.columnNames());
                for (IndexKey k : ix.keys()) {
                    if (!known.isEmpty() && k.column() != null && !known.contains(k.column())) {
                        throw new InvalidModelException(v.display() + ", index " + Identifiers.show(ix.name()),
                                "uses column " + Identifiers.show(k.column()) + ", which the view's column list does not have");
                    }
                }
            }
        }
    }

    private static void claim(Map<QualifiedName, String> relations, QualifiedName name, String what) {
        String previous = relations.putIfAbsent(name, what);
        if (previous != null) {
            throw new InvalidModelException(what, "uses the name " + name.display() + ", already used by the "
                    + previous + "; tables, indexes and key constraints share one namespace per schema");
        }
    }

    private static <T> List<T> sortedBy(List<T> items, Function<T, String> key) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(key));
        return List.copyOf(copy);
    }

    private static List<Trigger> sortedTriggers(List<Trigger> items) {
        List<Trigger> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(Trigger::table).thenComparing(Trigger::name));
        return List.copyOf(copy);
    }

    private static List<Policy> sortedPolicies(List<Policy> items) {
        List<Policy> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(Policy::table).thenComparing(Policy::name));
        return List.copyOf(copy);
    }

    /**
     * Sorted, each privilege once: as in PostgreSQL, a privilege granted twice is held once, and held with the
     * grant option when either grant gave it (the plain grant of a privilege also granted WITH GRANT OPTION is left out).
     */
    private static List<Grant> sortedGrants(List<Grant> items) {
        java.util.Set<Grant> all = new java.util.TreeSet<>(items == null ? List.of() : items);
        all.removeIf(g -> !g.grantable() && !g.grantee().equals(Policy.PUBLIC) && all.contains(g.withGrantable(true)));
        return List.copyOf(all);
    }

    private static <T> List<T> sorted(List<T> items, Function<T, QualifiedName> key) {
        List<T> copy = new ArrayList<>(items == null ? List.of() : items);
        copy.sort(Comparator.comparing(key));
        return List.copyOf(copy);
    }
}
