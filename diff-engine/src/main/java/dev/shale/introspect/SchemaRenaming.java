package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.Namespace;
import dev.shale.model.QualifiedName;
import dev.shale.model.Sequence;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Moves a model's owned objects from one set of schema names to another: table and enum names, enum
 * column types and foreign keys to owned tables (foreign keys to external tables keep their target).
 * Schema qualifiers inside expressions are mapped too, outside string literals, where they qualify
 * an object the model moves (not a type it only names, such as {@code 'x'::public.citext}), and in the
 * literal of {@code nextval('schema.seq')} where it names a sequence the model moves.
 */
final class SchemaRenaming {
    private final Map<String, String> schemas;

    /** @param schemas old schema name to new, for every schema to move */
    SchemaRenaming(Map<String, String> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /**
     * The model with its owned objects moved, and schema qualifiers inside expressions replaced by
     * {@code qualifiers} (real name to the text to write, quoted where needed).
     *
     * @param externals the external tables of the result
     */
    SchemaModel apply(SchemaModel model, Map<String, String> qualifiers, List<Table> externals) {
        java.util.Set<QualifiedName> owned = new java.util.HashSet<>();
        model.enums().forEach(e -> owned.add(e.name()));
        model.tables().forEach(t -> owned.add(t.name()));
        model.domains().forEach(d -> owned.add(d.name()));
        model.compositeTypes().forEach(c -> owned.add(c.name()));
        model.routines().forEach(r -> owned.add(r.name()));
        model.views().forEach(v -> owned.add(v.name()));
        java.util.Set<QualifiedName> sequences = new java.util.HashSet<>();
        model.sequences().forEach(q -> sequences.add(q.name()));
        return map(model, s -> SequenceLiterals.replace(ExpressionNames.replace(s, qualifiers,
                (schema, name) -> !name.isEmpty() && owned.contains(QualifiedName.of(schema, name))), qualifiers, sequences), externals);
    }

    private SchemaModel map(SchemaModel model, UnaryOperator<String> text, List<Table> externals) {
        List<EnumType> enums = model.enums().stream().map(e -> e.withName(name(e.name()))).toList();
        List<Table> tables = model.tables().stream().map(t -> table(t, model, text)).toList();
        List<Namespace> namespaces = model.namespaces().stream()
                .map(n -> new Namespace(schemas.getOrDefault(n.name(), n.name()), n.comment())).toList();
        List<Sequence> sequences = model.sequences().stream().map(q -> q.withName(name(q.name())).withOwnedBy(
                q.ownedBy() == null ? null : new Sequence.OwnedBy(name(q.ownedBy().table()), q.ownedBy().column()))).toList();
        return model.toBuilder().enums(enums).tables(tables).externalTables(externals).namespaces(namespaces)
                .sequences(sequences)
                .domains(model.domains().stream().map(d -> domain(d, text)).toList())
                .compositeTypes(model.compositeTypes().stream().map(c -> c.withName(name(c.name())).withAttributes(
                        c.attributes().stream().map(a -> new CompositeType.Attribute(a.name(), type(a.type()), a.collation()))
                                .toList())).toList())
                .routines(model.routines().stream().map(r -> routine(r, text)).toList())
                .triggers(model.triggers().stream().map(t -> trigger(t, model, text)).toList())
                .policies(model.policies().stream().map(p -> p.withTable(name(p.table()))
                        .withUsing(p.using() == null ? null : text.apply(p.using()))
                        .withWithCheck(p.withCheck() == null ? null : text.apply(p.withCheck()))).toList())
                .grants(model.grants().stream().map(g -> g.withObject(g.on() == dev.shale.model.Grant.On.SCHEMA
                        ? QualifiedName.of(schemas.getOrDefault(g.object().schema(), g.object().schema()),
                        schemas.getOrDefault(g.object().schema(), g.object().schema())) : name(g.object()))).toList())
                .views(model.views().stream().map(v -> view(v, text)).toList())
                .build();
    }

    /**
     * A routine in its new schema, with schema qualifiers in its types, defaults and aggregate functions
     * mapped; the body is left as written (see {@link Canonicalizer}: dollar-quoted text is not rewritten).
     */
    private dev.shale.model.Routine routine(dev.shale.model.Routine r, UnaryOperator<String> text) {
        dev.shale.model.Routine.Aggregate a = r.aggregate();
        return r.withName(name(r.name()))
                .withArguments(r.arguments().stream().map(x -> new dev.shale.model.Routine.Argument(x.name(), text.apply(x.type()),
                        x.mode(), x.defaultExpression() == null ? null : text.apply(x.defaultExpression()))).toList())
                .withReturns(r.returns() == null ? null : text.apply(r.returns()))
                .withAggregate(a == null ? null : new dev.shale.model.Routine.Aggregate(text.apply(a.stateFunction()),
                        text.apply(a.stateType()), a.finalFunction() == null ? null : text.apply(a.finalFunction()),
                        a.initialCondition(), a.combineFunction() == null ? null : text.apply(a.combineFunction())));
    }

    /** A trigger on its table's new name, calling its function under its new name when the model holds that function. */
    private dev.shale.model.Trigger trigger(dev.shale.model.Trigger t, SchemaModel model, UnaryOperator<String> text) {
        boolean ownFunction = model.routines().stream().anyMatch(r -> r.name().equals(t.function()));
        return t.withTable(name(t.table())).withFunction(ownFunction ? name(t.function()) : t.function())
                .withWhen(t.when() == null ? null : text.apply(t.when()));
    }

    /** A view moved: its name, its query's qualifiers, its columns' type names and its indexes' expressions. */
    private dev.shale.model.View view(dev.shale.model.View v, UnaryOperator<String> text) {
        return v.withName(name(v.name())).withQuery(text.apply(v.query()))
                .withColumns(v.columns().stream().map(c -> new dev.shale.model.View.Column(c.name(),
                        c.type() == null ? null : text.apply(c.type()))).toList())
                .withIndexes(v.indexes().stream().map(ix -> ix.withKeys(ix.keys().stream()
                                .map(k -> k.expression() == null ? k : k.withExpression(text.apply(k.expression()))).toList())
                        .withWhere(ix.where() == null ? null : text.apply(ix.where()))).toList());
    }

    private dev.shale.model.Domain domain(dev.shale.model.Domain d, UnaryOperator<String> text) {
        DefaultValue v = d.defaultValue();
        return d.withName(name(d.name())).withType(type(d.type()))
                .withDefault(v == null || v.kind() != DefaultValue.Kind.EXPRESSION ? v : DefaultValue.expression(text.apply(v.value())))
                .withChecks(d.checks().stream().map(k -> k.withExpression(text.apply(k.expression()))).toList());

    }

    private QualifiedName name(QualifiedName name) {
        String to = schemas.get(name.schema());
        return to == null ? name : QualifiedName.of(to, name.name());
    }

    private Table table(Table t, SchemaModel model, UnaryOperator<String> text) {
        List<Column> columns = t.columns().stream().map(c -> c.withType(type(c.type())).withDefault(
                c.defaultValue() == null || c.defaultValue().kind() != DefaultValue.Kind.EXPRESSION ? c.defaultValue()
                        : DefaultValue.expression(text.apply(c.defaultValue().value())))).toList();
        List<Check> checks = t.checks().stream().map(k -> k.withExpression(text.apply(k.expression()))).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> model.table(fk.referencedTable()) == null ? fk
                : fk.withReferencedTable(name(fk.referencedTable()))).toList();
        List<Index> indexes = t.indexes().stream().map(ix -> ix.withKeys(ix.keys().stream()
                        .map(k -> k.expression() == null ? k : k.withExpression(text.apply(k.expression()))).toList())
                .withWhere(ix.where() == null ? null : text.apply(ix.where()))).toList();
        List<dev.shale.model.Exclusion> exclusions = t.exclusions().stream().map(x -> new dev.shale.model.Exclusion(x.name(),
                x.method(), x.elements().stream().map(e -> new dev.shale.model.Exclusion.Element(e.key().expression() == null
                        ? e.key() : e.key().withExpression(text.apply(e.key().expression())), e.operator())).toList(),
                x.include(), x.where() == null ? null : text.apply(x.where()), x.deferral(), x.comment())).toList();
        return t.toBuilder().name(name(t.name())).columns(columns).checks(checks).foreignKeys(fks).indexes(indexes)
                .exclusions(exclusions)
                .partitionOf(t.partitionOf() == null ? null
                        : new dev.shale.model.PartitionOf(name(t.partitionOf().parent()), t.partitionOf().bound()))
                .partitioning(t.partitioning() == null ? null : new dev.shale.model.Partitioning(t.partitioning().strategy(),
                        t.partitioning().keys().stream().map(k -> k.expression() == null ? k
                                : k.withExpression(text.apply(k.expression()))).toList()))
                .build();
    }

    private ColumnType type(ColumnType type) {
        if (type instanceof ColumnType.EnumRef e) {
            return new ColumnType.EnumRef(name(e.name()));
        }
        if (type instanceof ColumnType.DomainRef d) {
            return new ColumnType.DomainRef(name(d.name()));
        }
        if (type instanceof ColumnType.CompositeRef c) {
            return new ColumnType.CompositeRef(name(c.name()));
        }
        if (type instanceof ColumnType.ArrayOf a) {
            return new ColumnType.ArrayOf(type(a.element()));
        }
        return type;
    }
}
