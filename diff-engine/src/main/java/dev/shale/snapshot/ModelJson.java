package dev.shale.snapshot;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model as plain maps and lists, ready for Jackson: objects are {@link TreeMap}s so keys come out
 * sorted; named things (tables, enums, constraints, indexes) are objects keyed by name so a review
 * diff shows only what changed; columns and key column lists are arrays, since their order matters.
 */
final class ModelJson {
    private ModelJson() {}

    static Map<String, Object> schema(SchemaModel model) {
        Map<String, Object> out = new TreeMap<>();
        Map<String, Object> enums = new TreeMap<>();
        for (EnumType e : model.enums()) {
            Map<String, Object> m = named(e.name());
            m.put("values", e.values());
            enums.put(e.name().key(), m);
        }
        out.put("enums", enums);
        out.put("tables", tables(model.tables()));
        out.put("externalTables", tables(model.externalTables()));
        return out;
    }

    private static Map<String, Object> tables(List<Table> tables) {
        Map<String, Object> out = new TreeMap<>();
        for (Table t : tables) {
            out.put(t.name().key(), table(t));
        }
        return out;
    }

    private static Map<String, Object> table(Table t) {
        Map<String, Object> m = named(t.name());
        List<Object> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(column(c));
        }
        m.put("columns", columns);
        if (t.primaryKey() != null) {
            Map<String, Object> pk = new TreeMap<>();
            pk.put("name", t.primaryKey().name());
            pk.put("columns", t.primaryKey().columns());
            m.put("primaryKey", pk);
        }
        Map<String, Object> uniques = new TreeMap<>();
        for (Unique u : t.uniques()) {
            uniques.put(u.name(), Map.of("columns", u.columns()));
        }
        Map<String, Object> checks = new TreeMap<>();
        for (Check c : t.checks()) {
            checks.put(c.name(), Map.of("expression", c.expression()));
        }
        Map<String, Object> fks = new TreeMap<>();
        for (ForeignKey fk : t.foreignKeys()) {
            Map<String, Object> f = new TreeMap<>();
            f.put("columns", fk.columns());
            f.put("referencedTable", named(fk.referencedTable()));
            f.put("referencedColumns", fk.referencedColumns());
            f.put("onDelete", enumText(fk.onDelete()));
            f.put("onUpdate", enumText(fk.onUpdate()));
            fks.put(fk.name(), f);
        }
        Map<String, Object> indexes = new TreeMap<>();
        for (Index ix : t.indexes()) {
            Map<String, Object> i = new TreeMap<>();
            i.put("unique", ix.unique());
            i.put("method", enumText(ix.method()));
            List<Object> keys = new ArrayList<>();
            for (IndexKey k : ix.keys()) {
                Map<String, Object> key = new TreeMap<>();
                if (k.column() != null) {
                    key.put("column", k.column());
                } else {
                    key.put("expression", k.expression());
                }
                key.put("descending", k.descending());
                key.put("nulls", enumText(k.nulls()));
                keys.add(key);
            }
            i.put("keys", keys);
            if (ix.where() != null) {
                i.put("where", ix.where());
            }
            indexes.put(ix.name(), i);
        }
        m.put("uniques", uniques);
        m.put("checks", checks);
        m.put("foreignKeys", fks);
        m.put("indexes", indexes);
        return m;
    }

    private static Map<String, Object> column(Column c) {
        Map<String, Object> m = new TreeMap<>();
        m.put("name", c.name());
        m.put("type", c.type().spec());
        m.put("notNull", c.notNull());
        if (c.defaultValue() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", enumText(c.defaultValue().kind()));
            d.put("value", c.defaultValue().value());
            m.put("default", new TreeMap<>(d));
        }
        return m;
    }

    private static Map<String, Object> named(QualifiedName name) {
        Map<String, Object> m = new TreeMap<>();
        m.put("schema", name.schema());
        m.put("name", name.name());
        return m;
    }

    /** Enum constants as snapshots spell them: {@code SET_NULL} is {@code set null}. */
    static String enumText(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (enumText(e).equals(text)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(enumText(e));
        }
        throw new IllegalArgumentException("\"" + text + "\" is not one of " + allowed);
    }
}
