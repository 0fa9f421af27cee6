package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a model's owned objects from one set of schema names to another: table and enum names, enum
 * column types and foreign keys to owned tables (foreign keys to external tables keep their target).
 * On the way back, schema names inside expressions are mapped too (see {@link #back}).
 */
final class SchemaRenaming {
    private final Map<String, String> schemas;

    /** @param schemas old schema name to new, for every schema to move */
    SchemaRenaming(Map<String, String> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /** The model with its owned objects moved; expressions are left as written; externals are kept. */
    SchemaModel apply(SchemaModel model) {
        return map(model, UnaryOperator.identity(), model.externalTables());
    }

    /**
     * The model moved back by {@code reverse}, whose schema names are plain identifiers (as temporary
     * names are) and so appear unquoted where PostgreSQL deparses a qualified name in an expression:
     * there they are replaced by {@code quotedOriginal}, the original name as PostgreSQL would quote it.
     */
    static SchemaModel back(SchemaModel model, Map<String, String> reverse, Map<String, String> quotedOriginal,
                            List<Table> externals) {
        StringBuilder alternatives = new StringBuilder();
        for (String temp : reverse.keySet()) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(temp));
        }
        Pattern names = Pattern.compile("(?<![A-Za-z0-9_$\"])(" + alternatives + ")(?=\\.)");
        UnaryOperator<String> text = s -> {
            Matcher m = names.matcher(s);
            return m.replaceAll(r -> Matcher.quoteReplacement(quotedOriginal.get(reverse.get(r.group(1)))));
        };
        return new SchemaRenaming(reverse).map(model, text, externals);
    }

    private SchemaModel map(SchemaModel model, UnaryOperator<String> text, List<Table> externals) {
        List<EnumType> enums = model.enums().stream().map(e -> new EnumType(name(e.name()), e.values())).toList();
        List<Table> tables = model.tables().stream().map(t -> table(t, model, text)).toList();
        return new SchemaModel(enums, tables, externals);
    }

    private QualifiedName name(QualifiedName name) {
        String to = schemas.get(name.schema());
        return to == null ? name : QualifiedName.of(to, name.name());
    }

    private Table table(Table t, SchemaModel model, UnaryOperator<String> text) {
        List<Column> columns = t.columns().stream().map(c -> new Column(c.name(), type(c.type()), c.notNull(),
                c.defaultValue() == null || c.defaultValue().kind() != DefaultValue.Kind.EXPRESSION ? c.defaultValue()
                        : DefaultValue.expression(text.apply(c.defaultValue().value())))).toList();
        List<Check> checks = t.checks().stream().map(k -> new Check(k.name(), text.apply(k.expression()))).toList();
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(),
                model.table(fk.referencedTable()) != null ? name(fk.referencedTable()) : fk.referencedTable(),
                fk.referencedColumns(), fk.onDelete(), fk.onUpdate())).toList();
        List<Index> indexes = t.indexes().stream().map(ix -> new Index(ix.name(), ix.unique(), ix.method(),
                ix.keys().stream().map(k -> k.expression() == null ? k
                        : new IndexKey(null, text.apply(k.expression()), k.descending(), k.nulls())).toList(),
                ix.where() == null ? null : text.apply(ix.where()))).toList();
        return new Table(name(t.name()), columns, t.primaryKey(), t.uniques(), checks, fks, indexes);
    }

    private ColumnType type(ColumnType type) {
        if (type instanceof ColumnType.EnumRef e) {
            return new ColumnType.EnumRef(name(e.name()));
        }
        if (type instanceof ColumnType.ArrayOf a) {
            return new ColumnType.ArrayOf(type(a.element()));
        }
        return type;
    }
}
