package dev.shale.testing;

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
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of random valid {@link SchemaModel}s: 1-6 tables in {@code public} and sometimes
 * {@code app}; columns of every supported type (arrays, enums, serial); defaults of fitting kinds;
 * single and composite primary keys; uniques; checks on numeric columns; foreign keys to keys of equal
 * type (self-references and cycles included) with random actions; btree, unique, composite, partial,
 * expression, hash and gin indexes with DESC and NULLS orders. Names come from one counter per case,
 * so a name is never reused (renames and drops never collide with what existed).
 */
public final class RandomSchemas {
    public static final List<String> SCHEMAS = List.of("public", "app");

    /** Built-in types a key (PK, unique, FK, btree index) can use. */
    public static final List<PgType> KEYABLE = List.of(PgType.UUID, PgType.TEXT, PgType.VARCHAR, PgType.CHAR, PgType.SMALLINT,
            PgType.INTEGER, PgType.BIGINT, PgType.SERIAL, PgType.BIGSERIAL, PgType.NUMERIC, PgType.BOOLEAN, PgType.DATE,
            PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.INET, PgType.INTERVAL, PgType.TIME);

    public static final List<ReferentialAction> ACTIONS = List.of(ReferentialAction.values());

    private final Random r;
    private int counter;
    /** Enums visible to the generator (name -> values), kept in step with the model being built. */
    private final Map<QualifiedName, List<String>> enums = new LinkedHashMap<>();

    public RandomSchemas(Random r) {
        this.r = r;
    }

    /** The random source every choice draws from; mutations of a generated schema draw from it too. */
    public Random random() {
        return r;
    }

    /**
     * The enums visible to the generator (name -> values, in order), kept in step with the model being
     * built: {@link #model} writes them out, so a caller editing drafts edits this map too.
     */
    public Map<QualifiedName, List<String>> enums() {
        return enums;
    }

    /** A fresh name: usually plain, sometimes mixed case with a space or a quote, to exercise quoting. */
    public String name(String prefix) {
        counter++;
        return switch (r.nextInt(12)) {
            case 0 -> "Mixed " + prefix + counter;
            case 1 -> prefix + "\"q" + counter;
            default -> prefix + counter;
        };
    }

    /** A random valid schema; retries (deterministically) when a draft fails the model's validation. */
    public SchemaModel schema() {
        for (int attempt = 0; ; attempt++) {
            enums.clear();
            try {
                return attempt(1 + r.nextInt(6));
            } catch (InvalidModelException e) {
                if (attempt > 50) {
                    throw e;
                }
            }
        }
    }

    private SchemaModel attempt(int tableCount) {
        boolean twoSchemas = r.nextInt(3) == 0;
        int enumCount = r.nextInt(3);
        for (int i = 0; i < enumCount; i++) {
            newEnum(schemaName(twoSchemas));
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < tableCount; i++) {
            drafts.add(table(schemaName(twoSchemas)));
        }
        int fkCount = r.nextInt(tableCount + 2);
        for (int i = 0; i < fkCount; i++) {
            foreignKey(drafts.get(r.nextInt(drafts.size())), drafts.get(r.nextInt(drafts.size())));
        }
        return model(drafts);
    }

    public SchemaModel model(List<Draft> drafts) {
        List<EnumType> es = new ArrayList<>();
        enums.forEach((n, v) -> es.add(new EnumType(n, v)));
        List<Table> ts = drafts.stream().map(Draft::build).toList();
        return new SchemaModel(es, ts, List.of());
    }

    private String schemaName(boolean twoSchemas) {
        return twoSchemas && r.nextBoolean() ? SCHEMAS.get(1) : SCHEMAS.get(0);
    }

    public QualifiedName newEnum(String schema) {
        QualifiedName n = QualifiedName.of(schema, name("e"));
        List<String> values = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            values.add(i == 1 && r.nextBoolean() ? "it's " + i : "v" + i);
        }
        enums.put(n, values);
        return n;
    }

    /** A new table with 1-6 columns, maybe a primary key, uniques, checks and indexes. */
    public Draft table(String schema) {
        Draft d = new Draft(QualifiedName.of(schema, name("t")));
        int columnCount = 1 + r.nextInt(6);
        for (int i = 0; i < columnCount; i++) {
            d.columns.add(column(true));
        }
        List<String> keyable = keyable(d);
        if (!keyable.isEmpty() && r.nextInt(10) < 7) {
            d.pk = new PrimaryKey(name("pk"), pick(keyable, 1 + r.nextInt(Math.min(2, keyable.size()))));
        }
        if (!keyable.isEmpty() && r.nextInt(3) == 0) {
            addUnique(d);
        }
        if (r.nextInt(3) == 0) {
            addCheck(d);
        }
        int indexCount = r.nextInt(3);
        for (int i = 0; i < indexCount; i++) {
            addIndex(d);
        }
        return d;
    }

    public Column column(boolean allowSerial) {
        ColumnType type = type(allowSerial);
        // KNOWN GAP, reported: PostgreSQL makes a serial column NOT NULL whatever is declared, but the model
        // accepts a nullable serial (and then plans DROP NOT NULL when it becomes nullable). Serial is always
        // generated NOT NULL and never toggled.
        boolean notNull = r.nextInt(3) == 0 || type instanceof ColumnType.Builtin b && b.type().isSerial();
        DefaultValue def = r.nextInt(5) < 2 ? defaultFor(type) : null;
        return new Column(name("c"), type, notNull, def);
    }

    public ColumnType type(boolean allowSerial) {
        int k = r.nextInt(20);
        if (k < 2 && !enums.isEmpty()) {
            return new ColumnType.EnumRef(pick(new ArrayList<>(enums.keySet())));
        }
        if (k < 4) {
            ColumnType element = switch (r.nextInt(6)) {
                case 0 -> ColumnType.Builtin.of(PgType.TEXT);
                case 1 -> ColumnType.Builtin.of(PgType.INTEGER);
                case 2 -> ColumnType.Builtin.of(PgType.UUID);
                case 3 -> new ColumnType.Builtin(PgType.VARCHAR, 20, null, null);
                case 4 -> enums.isEmpty() ? ColumnType.Builtin.of(PgType.BIGINT) : new ColumnType.EnumRef(pick(new ArrayList<>(enums.keySet())));
                default -> ColumnType.Builtin.of(PgType.JSONB);
            };
            return new ColumnType.ArrayOf(element);
        }
        PgType t = PgType.values()[r.nextInt(PgType.values().length)];
        if (t.isSerial() && !allowSerial) {
            t = PgType.INTEGER;
        }
        return switch (t) {
            case VARCHAR -> new ColumnType.Builtin(t, r.nextInt(4) == 0 ? null : 10 + r.nextInt(90), null, null);
            case CHAR -> new ColumnType.Builtin(t, 1 + r.nextInt(4), null, null);
            case NUMERIC -> {
                if (r.nextBoolean()) {
                    yield ColumnType.Builtin.of(t);
                }
                int p = 4 + r.nextInt(15);
                yield new ColumnType.Builtin(t, null, p, r.nextInt(3));
            }
            default -> ColumnType.Builtin.of(t);
        };
    }

    /** A default that PostgreSQL accepts for the type: a literal of its kind, or an expression. */
    public DefaultValue defaultFor(ColumnType type) {
        if (type instanceof ColumnType.ArrayOf) {
            return DefaultValue.string("{}");
        }
        if (type instanceof ColumnType.EnumRef e) {
            return DefaultValue.string(pick(enums.get(e.name())));
        }
        PgType t = ((ColumnType.Builtin) type).type();
        boolean b = r.nextBoolean();
        return switch (t) {
            case UUID -> b ? DefaultValue.expression("gen_random_uuid()") : DefaultValue.string("00000000-0000-0000-0000-000000000001");
            case TEXT, VARCHAR -> b ? DefaultValue.string(pick(List.of("", "hello", "it's"))) : DefaultValue.expression("lower('ABC')");
            case CHAR -> DefaultValue.string("a");
            case SMALLINT, INTEGER, BIGINT -> b ? DefaultValue.number(pick(List.of("0", "42", "-7"))) : DefaultValue.expression("1 + 2");
            case NUMERIC -> DefaultValue.number(b ? "0" : "1");
            case REAL, DOUBLE_PRECISION -> DefaultValue.number(b ? "1.5" : "-2");
            case BOOLEAN -> DefaultValue.bool(b);
            case DATE -> b ? DefaultValue.expression("CURRENT_DATE") : DefaultValue.string("2024-01-31");
            case TIME -> DefaultValue.string("12:30:00");
            case TIMESTAMP -> b ? DefaultValue.expression("now()") : DefaultValue.string("2024-01-31 10:00:00");
            case TIMESTAMPTZ -> DefaultValue.expression("now()");
            case INTERVAL -> DefaultValue.string("1 day");
            case JSON, JSONB -> DefaultValue.string(b ? "{}" : "{\"a\": [1, 2]}");
            case BYTEA -> DefaultValue.string("\\x00ff");
            case INET -> DefaultValue.string("127.0.0.1");
            case SERIAL, BIGSERIAL -> null;
        };
    }

    public static boolean isKeyable(ColumnType t) {
        return t instanceof ColumnType.EnumRef || t instanceof ColumnType.Builtin b && KEYABLE.contains(b.type());
    }

    public static boolean isNumeric(ColumnType t) {
        return t instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.NUMERIC;
    }

    public List<String> keyable(Draft d) {
        return d.columns.stream().filter(c -> isKeyable(c.type())).map(Column::name).toList();
    }

    public void addUnique(Draft d) {
        List<String> keyable = keyable(d);
        if (keyable.isEmpty()) {
            return;
        }
        List<String> cols = pick(keyable, 1 + r.nextInt(Math.min(3, keyable.size())));
        // CREATE TABLE silently drops a UNIQUE whose column list (in order) equals the primary key's or an
        // earlier unique's, so the model rejects such a duplicate (Table's constructor); don't make one.
        if (!d.keys().contains(cols)) {
            d.uniques.add(new Unique(name("uq"), cols));
        }
    }

    public void addCheck(Draft d) {
        List<Column> numeric = d.columns.stream().filter(c -> isNumeric(c.type())).toList();
        if (numeric.isEmpty()) {
            return;
        }
        String c = Draft.quote(pick(numeric).name());
        String expression = switch (r.nextInt(3)) {
            case 0 -> c + " > -100";
            case 1 -> c + " >= 0 AND " + c + " <= 1000";
            default -> c + " <> 13";
        };
        d.checks.add(new Check(name("ck"), expression));
    }

    public void addIndex(Draft d) {
        List<Column> cols = d.columns;
        List<String> keyable = keyable(d);
        int kind = r.nextInt(6);
        String n = name("ix");
        if (kind == 0) {
            List<Column> gin = cols.stream().filter(c -> c.type() instanceof ColumnType.ArrayOf
                    || c.type() instanceof ColumnType.Builtin b && b.type() == PgType.JSONB).toList();
            if (!gin.isEmpty()) {
                d.indexes.add(new Index(n, false, IndexMethod.GIN, List.of(IndexKey.column(pick(gin).name())), null));
                return;
            }
        }
        if (keyable.isEmpty()) {
            return;
        }
        if (kind == 1) {
            d.indexes.add(new Index(n, false, IndexMethod.HASH, List.of(IndexKey.column(pick(keyable))), null));
            return;
        }
        if (kind == 2) {
            Column c = pick(cols.stream().filter(x -> isKeyable(x.type())).toList());
            boolean text = c.type() instanceof ColumnType.Builtin b && (b.type() == PgType.TEXT || b.type() == PgType.VARCHAR);
            boolean integer = c.type() instanceof ColumnType.Builtin b && (b.type() == PgType.INTEGER || b.type() == PgType.BIGINT);
            if (text || integer) {
                String e = text ? "lower(" + Draft.quote(c.name()) + ")" : Draft.quote(c.name()) + " + 1";
                d.indexes.add(new Index(n, r.nextBoolean(), IndexMethod.BTREE, List.of(IndexKey.expression(e)), null));
                return;
            }
        }
        List<IndexKey> keys = new ArrayList<>();
        for (String c : pick(keyable, 1 + r.nextInt(Math.min(3, keyable.size())))) {
            keys.add(new IndexKey(c, null, r.nextInt(3) == 0, NullsOrder.values()[r.nextInt(3)]));
        }
        String where = kind == 3 ? Draft.quote(pick(keyable)) + " IS NOT NULL" : null;
        d.indexes.add(new Index(n, r.nextInt(3) == 0, IndexMethod.BTREE, keys, where));
    }

    /** A foreign key from new columns of {@code from} to a key of {@code to} (possibly the same table). */
    public void foreignKey(Draft from, Draft to) {
        List<List<String>> keys = to.keys();
        if (keys.isEmpty()) {
            return;
        }
        List<String> key = pick(keys);
        List<String> cols = new ArrayList<>();
        for (String k : key) {
            Column target = to.column(k);
            Column c = new Column(name("c"), Draft.referencing(target.type()), r.nextInt(4) == 0, null);
            from.columns.add(c);
            cols.add(c.name());
        }
        from.fks.add(new ForeignKey(name("fk"), cols, to.name, key, pick(ACTIONS), pick(ACTIONS)));
    }

    public <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** {@code count} distinct items in random order. */
    public <T> List<T> pick(List<T> items, int count) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, r);
        return List.copyOf(copy.subList(0, count));
    }
}
