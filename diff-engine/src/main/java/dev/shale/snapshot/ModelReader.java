package dev.shale.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.InvalidModelException;
import dev.shale.model.NullsOrder;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the model part of a snapshot strictly: every required field present with the right JSON type,
 * no unknown fields, and every model rule checked. Errors name the JSON path of the offending value.
 */
final class ModelReader {
    private final String file;

    ModelReader(String file) {
        this.file = file;
    }

    SchemaModel schema(JsonNode root) {
        List<EnumType> enums = new ArrayList<>();
        each(object(root, "enums", "$.enums"), "$.enums", (key, node, path) -> {
            fields(node, path, Set.of("schema", "name", "values"));
            QualifiedName name = name(node, path, key);
            List<String> values = strings(node, "values", path);
            enums.add(model(path, () -> new EnumType(name, values)));
        });
        List<Table> tables = new ArrayList<>();
        each(object(root, "tables", "$.tables"), "$.tables", (key, node, path) -> tables.add(table(key, node, path)));
        List<Table> externals = new ArrayList<>();
        each(object(root, "externalTables", "$.externalTables"), "$.externalTables", (key, node, path) -> {
            fields(node, path, Set.of("schema", "name", "columns", "uniques", "checks", "foreignKeys", "indexes", "primaryKey"));
            externals.add(model(path, () -> Table.of(name(node, path, key), columns(node, path))));
        });
        return model("$", () -> new SchemaModel(enums, tables, externals));
    }

    private Table table(String key, JsonNode node, String path) {
        fields(node, path, Set.of("schema", "name", "columns", "primaryKey", "uniques", "checks", "foreignKeys", "indexes"));
        QualifiedName name = name(node, path, key);
        List<Column> columns = columns(node, path);
        PrimaryKey pk = null;
        if (node.has("primaryKey")) {
            String p = path + ".primaryKey";
            JsonNode pkNode = object(node, "primaryKey", p);
            fields(pkNode, p, Set.of("name", "columns"));
            String pkName = text(pkNode, "name", p);
            List<String> pkColumns = strings(pkNode, "columns", p);
            pk = model(p, () -> new PrimaryKey(pkName, pkColumns));
        }
        List<Unique> uniques = new ArrayList<>();
        each(object(node, "uniques", path + ".uniques"), path + ".uniques", (k, n, p) -> {
            fields(n, p, Set.of("columns"));
            List<String> cols = strings(n, "columns", p);
            uniques.add(model(p, () -> new Unique(k, cols)));
        });
        List<Check> checks = new ArrayList<>();
        each(object(node, "checks", path + ".checks"), path + ".checks", (k, n, p) -> {
            fields(n, p, Set.of("expression"));
            String expression = text(n, "expression", p);
            checks.add(model(p, () -> new Check(k, expression)));
        });
        List<ForeignKey> fks = new ArrayList<>();
        each(object(node, "foreignKeys", path + ".foreignKeys"), path + ".foreignKeys", (k, n, p) -> {
            fields(n, p, Set.of("columns", "referencedTable", "referencedColumns", "onDelete", "onUpdate"));
            List<String> cols = strings(n, "columns", p);
            JsonNode target = object(n, "referencedTable", p + ".referencedTable");
            fields(target, p + ".referencedTable", Set.of("schema", "name"));
            QualifiedName targetName = name(target, p + ".referencedTable", null);
            List<String> refCols = strings(n, "referencedColumns", p);
            ReferentialAction del = constant(ReferentialAction.class, n, "onDelete", p);
            ReferentialAction upd = constant(ReferentialAction.class, n, "onUpdate", p);
            fks.add(model(p, () -> new ForeignKey(k, cols, targetName, refCols, del, upd)));
        });
        List<Index> indexes = new ArrayList<>();
        each(object(node, "indexes", path + ".indexes"), path + ".indexes", (k, n, p) -> indexes.add(index(k, n, p)));
        PrimaryKey primaryKey = pk;
        return model(path, () -> new Table(name, columns, primaryKey, uniques, checks, fks, indexes));
    }

    private Index index(String name, JsonNode n, String p) {
        fields(n, p, Set.of("unique", "method", "keys", "where"));
        boolean unique = bool(n, "unique", p);
        IndexMethod method = constant(IndexMethod.class, n, "method", p);
        List<IndexKey> keys = new ArrayList<>();
        JsonNode keyNodes = array(n, "keys", p);
        for (int i = 0; i < keyNodes.size(); i++) {
            String kp = p + ".keys[" + i + "]";
            JsonNode k = keyNodes.get(i);
            fields(k, kp, Set.of("column", "expression", "descending", "nulls"));
            String column = k.has("column") ? text(k, "column", kp) : null;
            String expression = k.has("expression") ? text(k, "expression", kp) : null;
            boolean desc = bool(k, "descending", kp);
            NullsOrder nulls = constant(NullsOrder.class, k, "nulls", kp);
            keys.add(model(kp, () -> new IndexKey(column, expression, desc, nulls)));
        }
        String where = n.has("where") ? text(n, "where", p) : null;
        return model(p, () -> new Index(name, unique, method, keys, where));
    }

    private List<Column> columns(JsonNode table, String path) {
        List<Column> out = new ArrayList<>();
        JsonNode columns = array(table, "columns", path);
        for (int i = 0; i < columns.size(); i++) {
            String p = path + ".columns[" + i + "]";
            JsonNode c = columns.get(i);
            fields(c, p, Set.of("name", "type", "notNull", "default"));
            String name = text(c, "name", p);
            String typeText = text(c, "type", p);
            ColumnType type = model(p + ".type", () -> ColumnType.parse(typeText));
            boolean notNull = bool(c, "notNull", p);
            DefaultValue dv = null;
            if (c.has("default")) {
                String dp = p + ".default";
                JsonNode d = object(c, "default", dp);
                fields(d, dp, Set.of("kind", "value"));
                DefaultValue.Kind kind = constant(DefaultValue.Kind.class, d, "kind", dp);
                String value = text(d, "value", dp);
                dv = model(dp, () -> new DefaultValue(kind, value));
            }
            DefaultValue defaultValue = dv;
            out.add(model(p, () -> new Column(name, type, notNull, defaultValue)));
        }
        return out;
    }

    // ---- primitives -------------------------------------------------------------------------------

    interface Entry {
        void accept(String key, JsonNode node, String path);
    }

    private void each(JsonNode object, String path, Entry entry) {
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + ".\"" + e.getKey() + "\"";
            if (!e.getValue().isObject()) {
                throw fail(p, "must be a JSON object");
            }
            entry.accept(e.getKey(), e.getValue(), p);
        }
    }

    private QualifiedName name(JsonNode node, String path, String key) {
        String schema = text(node, "schema", path);
        String name = text(node, "name", path);
        QualifiedName q = model(path, () -> QualifiedName.of(schema, name));
        if (key != null && !key.equals(q.key())) {
            throw fail(path, "is keyed \"" + key + "\" but names " + q.key() + "; the key must be <schema>.<name>");
        }
        return q;
    }

    void fields(JsonNode node, String path, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw fail(path + "." + n, "is not a known field (expected one of " + new java.util.TreeSet<>(allowed)
                        + "); the file may have been edited by hand or written by a newer Shale");
            }
        }
    }

    JsonNode object(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw fail(path, v == null ? "is missing" : "must be a JSON object");
        }
        return v;
    }

    private JsonNode array(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw fail(path + "." + field, v == null ? "is missing" : "must be a JSON array");
        }
        return v;
    }

    String text(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw fail(path + "." + field, v == null ? "is missing" : "must be a string");
        }
        return v.asText();
    }

    private boolean bool(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw fail(path + "." + field, v == null ? "is missing" : "must be true or false");
        }
        return v.asBoolean();
    }

    private List<String> strings(JsonNode node, String field, String path) {
        JsonNode v = array(node, field, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw fail(path + "." + field + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    private <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String field, String path) {
        String text = text(node, field, path);
        try {
            return ModelJson.enumValue(type, text);
        } catch (IllegalArgumentException e) {
            throw fail(path + "." + field, e.getMessage());
        }
    }

    private <T> T model(String path, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidModelException e) {
            throw fail(path, e.getMessage());
        }
    }

    SnapshotException fail(String path, String reason) {
        return new SnapshotException(file, path, reason);
    }
}
