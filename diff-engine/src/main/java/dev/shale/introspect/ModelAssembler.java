package dev.shale.introspect;

import dev.shale.diff.SequenceDefaults;
import dev.shale.dsl.DerivedNames;
import dev.shale.model.Check;
import dev.shale.model.Constraint;
import dev.shale.model.Extension;
import dev.shale.model.Namespace;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Identity;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SequenceOptions;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the {@link SchemaModel} from the rows of {@link CatalogQueries}, one result set at a time. */
final class ModelAssembler {
    private final Set<String> schemas;
    private final Map<QualifiedName, List<String>> allEnums = new TreeMap<>();
    private final Set<QualifiedName> usedEnums = new HashSet<>();
    /** The sequences behind the columns {@link #columns} read as serial, left out of {@link #sequences}. */
    private final Set<QualifiedName> serialSequences = new HashSet<>();
    private final Map<QualifiedName, Draft> tables = new TreeMap<>();
    private final Map<QualifiedName, Draft> externals = new TreeMap<>();
    private final Set<String> notManaged = new TreeSet<>();
    private final OptionsReader options = new OptionsReader(notManaged);
    private final AccessReader access = new AccessReader(notManaged);
    private final Set<String> namespaces = new TreeSet<>();
    private final List<Extension> extensions = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final Map<String, String> comments = new HashMap<>();
    private final Map<QualifiedName, dev.shale.model.View> views = new TreeMap<>();
    private final Map<QualifiedName, List<Index>> viewIndexes = new HashMap<>();

    private final TypeAssembler types;
    private final RoutineReader routines = new RoutineReader(notManaged);

    /** The functions, procedures, aggregates and triggers. */
    RoutineReader routines() {
        return routines;
    }

    ModelAssembler(Set<String> schemas) {
        this.schemas = Set.copyOf(schemas);
        this.types = new TypeAssembler(this.schemas, usedEnums::add);
    }

    /** The domains and composite types; read before the columns, whose types may refer to them. */
    TypeAssembler types() {
        return types;
    }

    /** A table under construction. */
    private static final class Draft {
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<Unique> uniques = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        dev.shale.model.Partitioning partitioning;
        dev.shale.model.PartitionOf partitionOf;

        Table build(QualifiedName name) {
            return Table.builder(name).columns(columns).primaryKey(primaryKey).uniques(uniques).checks(checks)
                    .foreignKeys(foreignKeys).indexes(indexes).partitioning(partitioning).partitionOf(partitionOf).build();
        }
    }

    void enums(ResultSet rs) throws SQLException {
        while (rs.next()) {
            allEnums.put(QualifiedName.of(rs.getString(1), rs.getString(2)), List.of(strings(rs, 3)));
        }
    }

    void columns(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = QualifiedName.of(rs.getString(1), rs.getString(2));
            Draft draft = tables.computeIfAbsent(table, t -> new Draft());
            String name = rs.getString(3);
            if (name == null) {
                continue;
            }
            String where = "column " + table.display() + "." + quote(name);
            String formatted = rs.getString(4);
            boolean array = rs.getBoolean(5);
            ColumnType type;
            if (rs.getBoolean(6)) {
                QualifiedName enumName = QualifiedName.of(rs.getString(7), rs.getString(8));
                usedEnums.add(enumName);
                type = new ColumnType.EnumRef(enumName);
            } else {
                type = types.column(TypeMapping.column(formatted));
            }
            if (type == null) {
                notManaged.add(where + " (type " + formatted + (array ? "[]" : "") + ")");
                continue;
            }
            String expression = rs.getString(10);
            DefaultValue defaultValue = expression == null ? null : DefaultValue.expression(expression);
            String sequence = rs.getString(13);
            if (sequence != null && !array && type instanceof ColumnType.Builtin b
                    && (b.type() == PgType.INTEGER || b.type() == PgType.BIGINT)
                    && sequence.equals(DerivedNames.of(table.name(), List.of(name), "seq"))) {
                serialSequences.add(table.withName(sequence));
                type = ColumnType.Builtin.of(b.type() == PgType.INTEGER ? PgType.SERIAL : PgType.BIGSERIAL);
                defaultValue = null;
            }
            if (!rs.getString(12).isEmpty()) {
                defaultValue = null; // the generation expression, read by columnFeatures
            }
            draft.columns.add(new Column(name, array ? new ColumnType.ArrayOf(type) : type, rs.getBoolean(9), defaultValue));
        }
    }

    /** The rows of {@link CatalogQueries#COLUMN_FEATURES}: identity, generation, collation and comment of columns read before. */
    void columnFeatures(ResultSet rs) throws SQLException {
        while (rs.next()) {
            Draft draft = tables.get(QualifiedName.of(rs.getString(1), rs.getString(2)));
            String name = rs.getString(3);
            int at = draft == null ? -1 : indexOf(draft.columns, name);
            if (at < 0) {
                continue; // a column of a type the model lacks: listed as not managed
            }
            Column column = draft.columns.get(at);
            Identity identity = null;
            String kind = rs.getString(4);
            if (!kind.isEmpty() && rs.getString(7) != null) {
                SequenceOptions options = new SequenceOptions(rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getLong(11), rs.getLong(12), rs.getBoolean(13));
                identity = new Identity(kind.equals("a") ? Identity.Generation.ALWAYS : Identity.Generation.BY_DEFAULT, options);
            }
            String generated = rs.getString(5).isEmpty() ? null : rs.getString(6);
            draft.columns.set(at, new Column(column.name(), column.type(), column.notNull(), column.defaultValue(), identity,
                    generated, rs.getString(14), rs.getString(15)));
        }
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    void constraints(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = QualifiedName.of(rs.getString(1), rs.getString(2));
            Draft draft = tables.get(table);
            if (draft == null) {
                continue;
            }
            String name = rs.getString(3);
            List<String> columns = List.of(strings(rs, 5));
            switch (rs.getString(4)) {
                case "p" -> draft.primaryKey = new PrimaryKey(name, columns);
                case "u" -> draft.uniques.add(new Unique(name, columns));
                case "c" -> draft.checks.add(new Check(name, rs.getString(13)));
                case "f" -> {
                    QualifiedName target = QualifiedName.of(rs.getString(6), rs.getString(7));
                    List<String> referenced = List.of(strings(rs, 8));
                    draft.foreignKeys.add(new ForeignKey(name, columns, target, referenced,
                            action(rs.getString(11)), action(rs.getString(12))));
                    if (!schemas.contains(target.schema())) {
                        external(target, referenced, strings(rs, 9), (Boolean[]) rs.getArray(10).getArray());
                    }
                }
                default -> { } // exclusion constraints: read by OptionsReader
            }
        }
    }

    private void external(QualifiedName table, List<String> columns, String[] types, Boolean[] notNull) {
        Draft draft = externals.computeIfAbsent(table, t -> new Draft());
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            if (draft.columns.stream().anyMatch(c -> c.name().equals(name))) {
                continue;
            }
            boolean array = types[i].endsWith("[]");
            ColumnType type = TypeMapping.builtin(array ? types[i].substring(0, types[i].length() - 2) : types[i]);
            if (type == null) {
                // Only the name of an external column matters to the model; text stands in for a type it lacks.
                type = ColumnType.Builtin.of(PgType.TEXT);
                array = false;
            }
            draft.columns.add(new Column(name, array ? new ColumnType.ArrayOf(type) : type, notNull[i], null));
        }
    }

    void indexes(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = QualifiedName.of(rs.getString(1), rs.getString(2));
            Draft draft = tables.get(table);
            if (draft == null && !views.containsKey(table)) {
                continue;
            }
            String name = rs.getString(3);
            String where = "index " + table.withName(name).display();
            IndexMethod method;
            try {
                method = IndexMethod.valueOf(rs.getString(5).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                notManaged.add(where + " (method " + rs.getString(5) + ")");
                continue;
            }
            String[] columns = strings(rs, 6);
            String[] definitions = strings(rs, 7);
            Integer[] options = (Integer[]) rs.getArray(8).getArray();
            List<IndexKey> keys = new ArrayList<>();
            for (int k = 0; k < columns.length; k++) {
                boolean descending = (options[k] & 1) != 0;
                boolean nullsFirst = (options[k] & 2) != 0;
                NullsOrder nulls = descending ? (nullsFirst ? NullsOrder.DEFAULT : NullsOrder.LAST)
                        : (nullsFirst ? NullsOrder.FIRST : NullsOrder.DEFAULT);
                keys.add(new IndexKey(columns[k], columns[k] == null ? definitions[k] : null, descending, nulls));
            }
            Index index = new Index(name, rs.getBoolean(4), method, keys, rs.getString(9));
            if (draft == null) {
                viewIndexes.computeIfAbsent(table, v -> new ArrayList<>()).add(index);
            } else {
                draft.indexes.add(index);
            }
        }
    }

    /**
     * Rows of {@link CatalogQueries#VIEWS}. Options PostgreSQL stores for a view become its check option,
     * security_barrier and security_invoker; other options of a view are named as not managed.
     */
    void views(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
            boolean materialized = rs.getBoolean(3);
            Map<String, String> options = new TreeMap<>();
            for (String option : strings(rs, 5)) {
                int eq = option.indexOf('=');
                options.put(option.substring(0, eq), option.substring(eq + 1));
            }
            dev.shale.model.View.CheckOption check = dev.shale.model.View.CheckOption.NONE;
            boolean barrier = false;
            boolean invoker = false;
            if (!materialized) {
                String c = options.remove("check_option");
                if (c != null) {
                    check = dev.shale.model.View.CheckOption.valueOf(c.toUpperCase(Locale.ROOT));
                }
                barrier = Boolean.parseBoolean(options.remove("security_barrier"));
                invoker = Boolean.parseBoolean(options.remove("security_invoker"));
                options.forEach((k, v) -> notManaged.add("option " + k + "=" + v + " of view " + name.display()));
                options.clear();
            }
            String[] columnNames = strings(rs, 7);
            String[] columnTypes = strings(rs, 8);
            List<dev.shale.model.View.Column> columns = new ArrayList<>();
            for (int i = 0; i < columnNames.length; i++) {
                columns.add(new dev.shale.model.View.Column(columnNames[i], columnTypes[i]));
            }
            views.put(name, new dev.shale.model.View(name, rs.getString(4), columns, materialized, check, barrier, invoker,
                    !materialized || rs.getBoolean(6), options, List.of(), null));
        }
    }

    /** The reader of table, constraint and index options, whose result sets come after the indexes. */
    OptionsReader options() {
        return options;
    }

    /** Rows of {@link CatalogQueries#OBJECTS}: the schemas that exist and their extensions. */
    void objects(ResultSet rs) throws SQLException {
        while (rs.next()) {
            if (rs.getString(1).equals("schema")) {
                namespaces.add(rs.getString(2));
            } else {
                extensions.add(new Extension(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
    }

    /** Rows of {@link CatalogQueries#SEQUENCES}; options holding PostgreSQL's defaults become null. */
    void sequences(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
            if (serialSequences.contains(name)) {
                continue; // behind a serial column: the column's type says it
            }
            SequenceOptions options = SequenceDefaults.normalized(new SequenceOptions(rs.getString(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9)));
            Sequence.OwnedBy owner = null;
            if (rs.getString(11) != null) {
                QualifiedName table = QualifiedName.of(rs.getString(10), rs.getString(11));
                Draft draft = tables.get(table);
                String column = rs.getString(12);
                if (draft != null && draft.columns.stream().anyMatch(c -> c.name().equals(column))) {
                    owner = new Sequence.OwnedBy(table, column);
                } else {
                    notManaged.add("owner of sequence " + name.display() + " (" + table.display() + "." + quote(column) + ")");
                }
            }
            sequences.add(new Sequence(name, options, owner, null));
        }
    }

    /** Rows of {@link CatalogQueries#COMMENTS}, kept until {@link #model} puts them on their objects. */
    void comments(ResultSet rs) throws SQLException {
        while (rs.next()) {
            comments.put(commentKey(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(3)), rs.getString(5));
        }
    }

    /** The comment read for an object, or null; {@code table} is the table of an index or constraint. */
    String comment(String kind, String schema, String table, String name) {
        return comments.get(commentKey(kind, schema, table, name));
    }

    private static String commentKey(String kind, String schema, String table, String name) {
        return kind + "\u0000" + schema + "\u0000" + (table == null ? "" : table) + "\u0000" + name;
    }

    /** PostgreSQL's own comment on {@code public}, which no one wrote, reads as none. */
    private String schemaComment(String schema) {
        String text = comment("schema", schema, null, schema);
        return schema.equals(QualifiedName.DEFAULT_SCHEMA) && "standard public schema".equals(text) ? null : text;
    }

    private Table commented(Table t) {
        String schema = t.name().schema();
        String table = t.name().name();
        return t.toBuilder().comment(comment("table", schema, null, table))
                .constraints(t.constraints().stream().map(k -> k.withComment(comment("constraint", schema, table, k.name()))).toList())
                .indexes(t.indexes().stream().map(ix -> ix.withComment(comment("index", schema, table, ix.name()))).toList())
                .build();
    }

    /** Rows of {@link CatalogQueries#PARTITIONS}: partitions become tables, partitioned tables get their key. */
    void partitions(ResultSet rs) throws SQLException {
        while (rs.next()) {
            QualifiedName table = QualifiedName.of(rs.getString(1), rs.getString(2));
            String bound = rs.getString(5);
            if (bound != null) {
                QualifiedName parent = QualifiedName.of(rs.getString(3), rs.getString(4));
                if (!schemas.contains(parent.schema())) {
                    notManaged.add("partition " + table.display() + " (of " + parent.display() + ", in a schema not read)");
                    continue;
                }
                tables.computeIfAbsent(table, t -> new Draft()).partitionOf = new dev.shale.model.PartitionOf(parent, bound);
            }
            String strategy = rs.getString(6);
            Draft draft = tables.get(table);
            if (strategy != null && draft != null) {
                draft.partitioning = PartitionKeys.parse(strategy, rs.getString(7), strings(rs, 8), strings(rs, 9));
            }
        }
    }

    void notManaged(String object) {
        notManaged.add(object);
    }

    List<String> notManaged() {
        notManaged.addAll(types.notManaged());
        return List.copyOf(notManaged);
    }

    SchemaModel model() {
        List<EnumType> enums = new ArrayList<>();
        allEnums.forEach((name, values) -> {
            if (schemas.contains(name.schema()) || usedEnums.contains(name)) {
                enums.add(new EnumType(name, values));
            }
        });
        List<Table> owned = new ArrayList<>();
        tables.forEach((name, draft) -> owned.add(commented(options.apply(draft.build(name)))));
        List<Table> external = new ArrayList<>();
        externals.forEach((name, draft) -> external.add(draft.build(name)));
        List<dev.shale.model.Domain> domains = types.domains().stream().map(d -> d.comment() != null ? d
                : d.withComment(comment("domain", d.name().schema(), null, d.name().name()))).toList();
        List<dev.shale.model.CompositeType> composites = types.compositeTypes().stream().map(c -> c.comment() != null ? c
                : c.withComment(comment("type", c.name().schema(), null, c.name().name()))).toList();
        allEnums.forEach((name, values) -> {
            if (!schemas.contains(name.schema()) && usedEnums.contains(name) && enums.stream().noneMatch(e -> e.name().equals(name))) {
                enums.add(new EnumType(name, values));
            }
        });
        List<EnumType> commentedEnums = enums.stream()
                .map(e -> e.withComment(comment("type", e.name().schema(), null, e.name().name()))).toList();
        List<Namespace> declared = namespaces.stream().map(n -> new Namespace(n, schemaComment(n))).toList();
        List<Sequence> commentedSequences = sequences.stream()
                .map(q -> q.withComment(comment("sequence", q.name().schema(), null, q.name().name()))).toList();
        List<dev.shale.model.View> readViews = new ArrayList<>();
        views.forEach((name, v) -> readViews.add(v.withComment(comment("view", name.schema(), null, name.name()))
                .withIndexes(options.indexes(name, viewIndexes.getOrDefault(name, List.of())).stream()
                        .map(ix -> ix.withComment(comment("index", name.schema(), name.name(), ix.name()))).toList())));
        return access.applyTo(SchemaModel.builder().enums(commentedEnums).tables(owned).externalTables(external).namespaces(declared)
                .extensions(extensions).sequences(commentedSequences).domains(domains).compositeTypes(composites)
                .routines(routines.routineList()).triggers(routines.triggerList(owned)).views(readViews).build());
    }

    /** The reader of row-level security, policies, privileges and roles. */
    AccessReader access() {
        return access;
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static String[] strings(ResultSet rs, int column) throws SQLException {
        Object[] values = (Object[]) rs.getArray(column).getArray();
        return Arrays.copyOf(values, values.length, String[].class);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
