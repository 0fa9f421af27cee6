package dev.shale.dsl;

import dev.shale.model.Check;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identifiers;
import dev.shale.model.Conversion;
import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.model.Unique;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns declared tables and enums into a {@link SchemaDefinition}, checking what only the whole
 * schema can tell (a foreign key to an undeclared table, two tables with one name) and naming the
 * source line of the declaration at fault.
 */
public final class SchemaBuilder {
    private SchemaBuilder() {}

    /**
     * Collects the tables and enums held in static fields of {@code classes} (a {@code Schema} holder
     * class, or every class of a package) and builds the schema.
     */
    public static SchemaDefinition fromClasses(Collection<Class<?>> classes) {
        List<Object> declared = new ArrayList<>();
        Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Class<?> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())
                        || !(Table.class.isAssignableFrom(f.getType()) || PgEnum.class.isAssignableFrom(f.getType())
                        || isObject(f.getType()) || PgDomain.class.isAssignableFrom(f.getType())
                        || PgComposite.class.isAssignableFrom(f.getType()))) {
                    continue;
                }
                Object value;
                try {
                    f.setAccessible(true);
                    value = f.get(null);
                } catch (ExceptionInInitializerError e) {
                    if (e.getCause() instanceof SchemaDefinitionException sde) {
                        throw sde;
                    }
                    throw new SchemaDefinitionException(new SourceLocation(c.getName(), -1),
                            "initialising " + c.getName() + " failed: " + e.getCause());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    if (e instanceof SchemaDefinitionException sde) {
                        throw sde;
                    }
                    throw new SchemaDefinitionException(new SourceLocation(c.getName(), -1),
                            "could not read static field " + f.getName() + ": " + e);
                }
                if (value != null && seen.add(value)) {
                    declared.add(value);
                }
            }
        }
        refuseUnheldTables(classes, declared);
        return build(declared);
    }

    /**
     * Fails when a table class among {@code classes} has no instance in a static field: the schema is read
     * from static fields only, so such a table would be left out without a word (and a table that was
     * there before would be dropped).
     */
    private static void refuseUnheldTables(Collection<Class<?>> classes, List<Object> declared) {
        Set<Class<?>> held = new java.util.HashSet<>();
        for (Object o : declared) {
            held.add(o.getClass());
            if (o instanceof PgSequence q && q.ownerTable() != null) {
                held.add(q.ownerTable().getClass());
            }
        }
        List<Class<?>> unheld = classes.stream()
                .filter(c -> Table.class.isAssignableFrom(c) && !ExternalTable.class.isAssignableFrom(c)
                        && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass() && !c.isLocalClass()
                        && !held.contains(c))
                .toList();
        if (unheld.isEmpty()) {
            return;
        }
        Class<?> first = unheld.get(0);
        Class<?> top = first;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String names = String.join(", ", unheld.stream().map(Class::getName).toList());
        String simple = first.getSimpleName();
        throw new SchemaDefinitionException(new SourceLocation(top.getSimpleName() + ".java", -1),
                (unheld.size() == 1 ? "table class " + names + " is" : "table classes " + names + " are")
                        + " not held by any static field, and Shale reads the schema from static fields only, so "
                        + (unheld.size() == 1 ? "its table" : "their tables") + " would be left out (and dropped from"
                        + " the database if they were there before). Hold each in a static field of a class of the"
                        + " schema package (for example `public static final " + simple + " "
                        + constantName(simple) + " = new " + simple + "();` in Schema.java), make the class abstract if"
                        + " it is only a base for other tables, or delete it if the table is meant to go");
    }

    /** {@code UserSettings} → {@code USER_SETTINGS}. */
    private static String constantName(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether a static field of this type holds a standalone object (schema, extension, sequence). */
    private static boolean isObject(Class<?> type) {
        return type == PgSchema.class || type == PgExtension.class || type == PgSequence.class || type == PgView.class
                || type == PgFunction.class || type == PgAggregate.class || type == PgRole.class || type == GrantBuilder.class;
    }

    /** Builds the schema from table, enum, schema, extension and sequence instances. */
    public static SchemaDefinition build(Collection<?> tablesAndEnums) {
        Map<String, PgSchema> schemas = new LinkedHashMap<>();
        Map<String, PgExtension> extensions = new LinkedHashMap<>();
        Map<QualifiedName, PgSequence> sequences = new LinkedHashMap<>();
        List<Object> routines = new ArrayList<>();
        Map<QualifiedName, PgView> views = new LinkedHashMap<>();
        List<Object> rest = new ArrayList<>();
        Access access = new Access();
        for (Object o : tablesAndEnums) {
            if (o instanceof PgRole r) {
                access.role(r);
            } else if (o instanceof GrantBuilder g) {
                access.grant(g);
            } else if (o instanceof PgSchema n) {
                once(schemas, n.name(), n, n.location(), "schema " + Identifiers.show(n.name()));
            } else if (o instanceof PgExtension e) {
                once(extensions, e.name(), e, e.location(), "extension " + Identifiers.show(e.name()));
            } else if (o instanceof PgSequence q) {
                once(sequences, q.name(), q, q.location(), "sequence " + q.name().display());
            } else if (o instanceof PgFunction || o instanceof PgAggregate) {
                routines.add(o);
            } else if (o instanceof PgView v) {
                once(views, v.name(), v, v.location(), "view " + v.name().display());
            } else {
                rest.add(o);
            }
        }
        for (PgSequence q : sequences.values()) {
            if (q.ownerTable() != null && !rest.contains(q.ownerTable())) {
                rest.add(q.ownerTable());
            }
        }
        SchemaDefinition tables = buildTables(rest);
        RoutineDeclarations declaredRoutines = RoutineDeclarations.collect(routines, rest);
        for (Object o : rest) {
            if (o instanceof Table t && !(t instanceof ExternalTable)) {
                t.policies().forEach(access::policy);
                t.grants().forEach(access::grant);
            }
        }
        schemas.values().forEach(n -> n.grants().forEach(access::grant));
        sequences.values().forEach(q -> q.grants().forEach(access::grant));
        try {
            return new SchemaDefinition(tables.model().toBuilder()
                    .routines(declaredRoutines.routines()).triggers(declaredRoutines.triggers())
                    .namespaces(schemas.values().stream().map(PgSchema::toModel).toList())
                    .extensions(extensions.values().stream().map(PgExtension::toModel).toList())
                    .sequences(sequences.values().stream().map(PgSequence::toModel).toList())
                    .views(views.values().stream().map(PgView::toModel).toList())
                    .policies(access.policies()).grants(access.grants()).roles(access.roles())
                    .build(), withSequenceRenames(tables.renames(), sequences.values()), tables.conversions());
        } catch (InvalidModelException e) {
            SourceLocation at = sequences.values().stream().filter(q -> e.object().contains(q.name().display()))
                    .map(PgSequence::location).findFirst()
                    .or(() -> views.values().stream().filter(v -> e.object().contains(v.name().display()))
                            .map(PgView::location).findFirst())
                    .orElse(declaredRoutines.locate(e));
            throw new SchemaDefinitionException(at, e.getMessage());
        }
    }

    private static List<Rename> withSequenceRenames(List<Rename> renames, Collection<PgSequence> sequences) {
        List<Rename> all = new ArrayList<>(renames);
        sequences.stream().map(PgSequence::rename).filter(java.util.Objects::nonNull).forEach(all::add);
        return all;
    }

    private static <K, V> void once(Map<K, V> into, K key, V value, SourceLocation at, String what) {
        V previous = into.putIfAbsent(key, value);
        if (previous != null && previous != value) {
            throw new SchemaDefinitionException(at, what + " is declared twice; keep one declaration");
        }
    }

    private static SchemaDefinition buildTables(Collection<?> tablesAndEnums) {
        Map<QualifiedName, Table> owned = new LinkedHashMap<>();
        Map<QualifiedName, Table> external = new LinkedHashMap<>();
        Map<QualifiedName, PgEnum<?>> enums = new LinkedHashMap<>();
        DeclaredTypes types = new DeclaredTypes();
        for (Object o : tablesAndEnums) {
            if (o instanceof Table t) {
                Map<QualifiedName, Table> into = t instanceof ExternalTable ? external : owned;
                Table previous = owned.containsKey(t.qualifiedName()) ? owned.get(t.qualifiedName()) : external.get(t.qualifiedName());
                if (previous != null && previous != t) {
                    if (previous.getClass() == t.getClass()) {
                        continue; // a second instance of the same class: the same declaration
                    }
                    throw new SchemaDefinitionException(t.location(), "table " + t.qualifiedName().display()
                            + " is declared twice, here and at " + previous.location() + "; rename or remove one");
                }
                into.put(t.qualifiedName(), t);
            } else if (o instanceof PgEnum<?> e) {
                addEnum(enums, e);
            } else if (o instanceof PgDomain || o instanceof PgComposite) {
                types.add(o);
            } else {
                throw new IllegalArgumentException("not a table or enum: " + o);
            }
        }
        List<Rename> renames = new ArrayList<>();
        List<dev.shale.model.Table> tables = new ArrayList<>();
        for (Table t : owned.values()) {
            tables.add(tableModel(t, owned, external, enums));
            if (t.renamedFromName() != null) {
                renames.add(Rename.table(t.qualifiedName().withName(t.renamedFromName()), t.qualifiedName().name()));
            }
        }
        for (Table t : owned.values()) {
            for (Column<?> c : t.columns()) {
                if (c.renamedFromName() != null) {
                    renames.add(Rename.column(t.qualifiedName(), c.renamedFromName(), c.name()));
                }
            }
        }
        List<Conversion> conversions = new ArrayList<>();
        for (Table t : owned.values()) {
            for (Column<?> c : t.columns()) {
                if (c.usingExpression() != null) {
                    conversions.add(new Conversion(t.qualifiedName(), c.name(), c.usingExpression()));
                }
            }
        }
        List<dev.shale.model.Table> externals = new ArrayList<>();
        for (Table t : external.values()) {
            externals.add(tableModel(t, owned, external, enums));
        }
        for (Table t : owned.values()) {
            for (Column<?> c : t.columns()) {
                if (c.declaredType() != null) {
                    types.add(c.declaredType());
                }
            }
        }
        types.enums().forEach(e -> addEnum(enums, e));
        List<EnumType> enumModels = enums.values().stream().map(PgEnum::toModel).toList();
        enums.values().forEach(e -> renames.addAll(e.renames()));
        renames.addAll(types.renames());
        try {
            return new SchemaDefinition(
                    SchemaModel.builder().enums(enumModels).tables(tables).externalTables(externals)
                            .domains(types.domains()).compositeTypes(types.composites()).build(), renames,
                    conversions);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(locate(e, owned), e.getMessage());
        }
    }

    private static void addEnum(Map<QualifiedName, PgEnum<?>> enums, PgEnum<?> e) {
        PgEnum<?> previous = enums.putIfAbsent(e.name(), e);
        if (previous != null && previous != e && !previous.toModel().equals(e.toModel())) {
            throw new SchemaDefinitionException(e.location(), "enum " + e.name().display()
                    + " is declared twice with different values, here and at " + previous.location());
        }
    }

    private static dev.shale.model.Table tableModel(Table t, Map<QualifiedName, Table> owned,
                                                    Map<QualifiedName, Table> external, Map<QualifiedName, PgEnum<?>> enums) {
        String self = "table " + t.qualifiedName().display();
        Map<String, Column<?>> byName = new HashMap<>();
        List<dev.shale.model.Column> columns = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            Column<?> previous = byName.putIfAbsent(c.name(), c);
            if (previous != null) {
                throw new SchemaDefinitionException(c.location(), self + ": column " + Identifiers.show(c.name())
                        + " is declared twice, here and at " + previous.location() + "; rename or remove one of them");
            }
            if (c.pgEnum() != null) {
                addEnum(enums, c.pgEnum());
            }
            columns.add(Table.modelOrFail(c.location(), c::toModel));
        }
        if (t instanceof ExternalTable) {
            return Table.modelOrFail(t.location(), () -> dev.shale.model.Table.of(t.qualifiedName(), columns));
        }
        List<Unique> uniques = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            if (c.isUnique()) {
                String name = DerivedNames.of(t.qualifiedName().name(), List.of(c.name()), "key");
                uniques.add(Table.modelOrFail(c.location(), () -> new Unique(name, List.of(c.name()))));
            }
        }
        for (Table.Declared<Unique> u : t.uniques()) {
            uniques.add(u.value());
        }
        List<ForeignKey> fks = new ArrayList<>(t.foreignKeyModels(c -> resolve(t, c.referenceTarget(), c.referenceLocation(), owned, external)));
        for (CompositeForeignKey fk : t.foreignKeys()) {
            if (fk.targets() == null) {
                throw new SchemaDefinitionException(fk.location(), self + ": foreign key " + Identifiers.show(fk.name())
                        + " has no target; call .references(...) on it");
            }
            List<Column<?>> targets = new ArrayList<>();
            for (Supplier<? extends Column<?>> s : fk.targets()) {
                targets.add(resolve(t, s, fk.location(), owned, external));
            }
            QualifiedName targetTable = targets.get(0).table().qualifiedName();
            for (Column<?> target : targets) {
                if (!target.table().qualifiedName().equals(targetTable)) {
                    throw new SchemaDefinitionException(fk.location(), self + ": foreign key " + Identifiers.show(fk.name())
                            + " references columns of two tables; all referenced columns must be in one table");
                }
            }
            fks.add(Table.modelOrFail(fk.location(), () -> new ForeignKey(fk.name(),
                    fk.columns().stream().map(Column::name).toList(), targetTable,
                    targets.stream().map(Column::name).toList(), fk.deleteAction(), fk.updateAction(), fk.isNotValid(),
                    fk.deferral(), null)));
        }
        List<Check> checks = t.checks().stream().map(Table.Declared::value).toList();
        List<dev.shale.model.Index> indexes = t.indexes().stream().map(IndexBuilder::toModel).toList();
        dev.shale.model.PrimaryKey pk = t.primaryKeyModel();
        List<dev.shale.model.Exclusion> exclusions = t.exclusions().stream().map(ExclusionBuilder::toModel).toList();
        dev.shale.model.Table model = Table.modelOrFail(t.location(), () -> dev.shale.model.Table.builder(t.qualifiedName()).columns(columns)
                .rowSecurity(t.rowSecurity())
                .primaryKey(pk).uniques(uniques).checks(checks).foreignKeys(fks).indexes(indexes)
                .exclusions(exclusions).unlogged(t.isUnlogged()).storage(t.storage())
                .replicaIdentity(t.replicaIdentity()).partitioning(t.partitioningModel()).partitionOf(t.partitionOfModel()).build());
        return PartComments.apply(t, model);
    }

    private static Column<?> resolve(Table from, Supplier<? extends Column<?>> target, SourceLocation at,
                                     Map<QualifiedName, Table> owned, Map<QualifiedName, Table> external) {
        Column<?> c;
        try {
            c = target.get();
        } catch (RuntimeException e) {
            throw new SchemaDefinitionException(at, "table " + from.qualifiedName().display()
                    + ": evaluating a foreign key's target failed (" + e + "); the supplier must return a column of a declared table");
        }
        if (c == null) {
            throw new SchemaDefinitionException(at, "table " + from.qualifiedName().display()
                    + ": a foreign key's target is null; hold the referenced table in a static field and refer to it with () -> SCHEMA.TABLE.column");
        }
        QualifiedName name = c.table().qualifiedName();
        if (!owned.containsKey(name) && !external.containsKey(name)) {
            throw new SchemaDefinitionException(at, "table " + from.qualifiedName().display() + ": a foreign key "
                    + "references table " + name.display() + ", which is not part of the schema; hold it in a static field of the "
                    + "schema classes, or extend ExternalTable if another system owns it");
        }
        return c;
    }

    /** The declaration a model error most likely came from: the table it names, else the first table. */
    private static SourceLocation locate(InvalidModelException e, Map<QualifiedName, Table> owned) {
        for (Table t : owned.values()) {
            if (e.object().contains(t.qualifiedName().display())) {
                return t.location();
            }
        }
        return owned.isEmpty() ? new SourceLocation("<schema>", -1) : owned.values().iterator().next().location();
    }

    static Set<QualifiedName> names(Collection<Table> tables) {
        Set<QualifiedName> out = new HashSet<>();
        tables.forEach(t -> out.add(t.qualifiedName()));
        return out;
    }
}
