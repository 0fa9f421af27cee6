package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.IndexMethod;
import dev.shale.model.NullsOrder;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded generator of valid schema models over the types, defaults, keys and indexes the model supports. */
final class RandomSchemas {
    private RandomSchemas() {}

    private static final PgType[] PLAIN = {PgType.UUID, PgType.TEXT, PgType.VARCHAR, PgType.CHAR, PgType.SMALLINT,
            PgType.INTEGER, PgType.BIGINT, PgType.NUMERIC, PgType.REAL, PgType.DOUBLE_PRECISION, PgType.BOOLEAN,
            PgType.DATE, PgType.TIME, PgType.TIMESTAMP, PgType.TIMESTAMPTZ, PgType.INTERVAL, PgType.JSON, PgType.JSONB,
            PgType.BYTEA, PgType.INET};

    static SchemaModel generate(long seed) {
        Random r = new Random(seed);
        List<String> schemas = r.nextBoolean() ? List.of("public") : List.of("public", "app");
        List<EnumType> enums = new ArrayList<>();
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            List<String> labels = new ArrayList<>(List.of("a", "b c", "it's", "d"));
            enums.add(new EnumType(QualifiedName.of(pick(r, schemas), "e" + i), labels.subList(0, 1 + r.nextInt(4))));
        }
        List<Table> tables = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
            tables.add(table(r, QualifiedName.of(pick(r, schemas), "t" + i), enums, tables));
        }
        return new SchemaModel(enums, tables, List.of());
    }

    private static Table table(Random r, QualifiedName name, List<EnumType> enums, List<Table> earlier) {
        String p = name.name() + "_";
        List<Column> cols = new ArrayList<>();
        PgType idType = pick(r, List.of(PgType.SERIAL, PgType.BIGSERIAL, PgType.UUID, PgType.INTEGER));
        cols.add(new Column("id", ColumnType.Builtin.of(idType), false,
                idType == PgType.UUID && r.nextBoolean() ? DefaultValue.expression("gen_random_uuid()") : null));
        for (int j = 0, n = 1 + r.nextInt(6); j < n; j++) {
            ColumnType type = type(r, enums);
            cols.add(new Column("c" + j, type, r.nextInt(3) == 0, r.nextBoolean() ? defaultFor(r, type, enums) : null));
        }
        List<String> pk = r.nextInt(4) == 0 && cols.size() > 1 && btree(cols.get(1).type()) ? List.of("id", "c0") : List.of("id");
        List<Unique> uniques = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        for (Column c : cols.subList(1, cols.size())) {
            ColumnType t = c.type();
            String q = "\"" + c.name() + "\"";
            if (btree(t) && r.nextInt(4) == 0) {
                uniques.add(new Unique(p + c.name() + "_key", List.of(c.name())));
            }
            if (t instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.NUMERIC && r.nextBoolean()) {
                checks.add(new Check(p + c.name() + "_check", r.nextBoolean() ? q + ">=0" : q + " between 0 and 100 or " + q + " is null"));
            }
            if (t instanceof ColumnType.Builtin b && b.type().family() == PgType.Family.STRING && r.nextBoolean()) {
                checks.add(new Check(p + c.name() + "_len", "length(" + q + ") > 0"));
                indexes.add(new Index(p + c.name() + "_lower", r.nextBoolean(), IndexMethod.BTREE,
                        List.of(IndexKey.expression("lower(" + q + ")")), r.nextBoolean() ? q + " is not null" : null));
            }
            if (btree(t) && r.nextInt(3) == 0) {
                indexes.add(new Index(p + c.name() + "_idx", false, IndexMethod.BTREE, List.of(
                        new IndexKey(c.name(), null, r.nextBoolean(), pick(r, List.of(NullsOrder.values())))),
                        r.nextBoolean() ? "id is not null" : null));
            }
            if ((t instanceof ColumnType.ArrayOf || t.equals(ColumnType.Builtin.of(PgType.JSONB))) && r.nextBoolean()) {
                indexes.add(new Index(p + c.name() + "_gin", false, IndexMethod.GIN, List.of(IndexKey.column(c.name())), null));
            }
            if (t.equals(ColumnType.Builtin.of(PgType.TIMESTAMPTZ)) && r.nextBoolean()) {
                indexes.add(new Index(p + c.name() + "_brin", false, IndexMethod.BRIN, List.of(IndexKey.column(c.name())), null));
            }
            if (t.equals(ColumnType.Builtin.of(PgType.TEXT)) && r.nextBoolean()) {
                indexes.add(new Index(p + c.name() + "_hash", false, IndexMethod.HASH, List.of(IndexKey.column(c.name())), null));
            }
        }
        for (Table target : earlier) {
            if (target.primaryKey().columns().size() == 1 && r.nextBoolean()) {
                Column key = target.column("id");
                ColumnType t = key.type() instanceof ColumnType.Builtin b && b.type().isSerial()
                        ? ColumnType.Builtin.of(b.type() == PgType.SERIAL ? PgType.INTEGER : PgType.BIGINT) : key.type();
                String col = target.name().name() + "_id";
                cols.add(new Column(col, t, false, null));
                fks.add(new ForeignKey(p + col + "_fkey", List.of(col), target.name(), List.of("id"),
                        pick(r, List.of(ReferentialAction.values())), pick(r, List.of(ReferentialAction.values()))));
            }
        }
        return new Table(name, cols, new PrimaryKey(p + "pkey", pk), uniques, checks, fks, indexes);
    }

    private static ColumnType type(Random r, List<EnumType> enums) {
        ColumnType base = !enums.isEmpty() && r.nextInt(5) == 0 ? new ColumnType.EnumRef(pick(r, enums).name())
                : switch (pick(r, List.of(PLAIN))) {
                    case VARCHAR -> new ColumnType.Builtin(PgType.VARCHAR, r.nextBoolean() ? 1 + r.nextInt(300) : null, null, null);
                    case CHAR -> new ColumnType.Builtin(PgType.CHAR, 1 + r.nextInt(5), null, null);
                    case NUMERIC -> r.nextBoolean() ? ColumnType.Builtin.of(PgType.NUMERIC)
                            : new ColumnType.Builtin(PgType.NUMERIC, null, 5 + r.nextInt(10), r.nextInt(5));
                    default -> ColumnType.Builtin.of(pick(r, List.of(PLAIN)));
                };
        return r.nextInt(6) == 0 && !base.equals(ColumnType.Builtin.of(PgType.JSON)) ? new ColumnType.ArrayOf(base) : base;
    }

    private static DefaultValue defaultFor(Random r, ColumnType type, List<EnumType> enums) {
        if (type instanceof ColumnType.ArrayOf a) {
            return a.element() instanceof ColumnType.EnumRef ? null : DefaultValue.string("{}");
        }
        if (type instanceof ColumnType.EnumRef e) {
            return DefaultValue.string(enums.stream().filter(x -> x.name().equals(e.name())).findFirst().orElseThrow().values().get(0));
        }
        PgType t = ((ColumnType.Builtin) type).type();
        return switch (t) {
            case UUID -> DefaultValue.expression("gen_random_uuid()");
            case TEXT -> DefaultValue.string("it's");
            case VARCHAR, CHAR -> DefaultValue.string("x");
            case SMALLINT, INTEGER, BIGINT -> DefaultValue.number(r.nextBoolean() ? "7" : "-3");
            case NUMERIC, REAL, DOUBLE_PRECISION -> DefaultValue.number("1.5");
            case BOOLEAN -> DefaultValue.bool(r.nextBoolean());
            case DATE -> DefaultValue.expression("current_date");
            case TIME -> DefaultValue.string("12:00");
            case TIMESTAMP -> DefaultValue.expression("now()");
            case TIMESTAMPTZ -> DefaultValue.expression(r.nextBoolean() ? "now()" : "now() + interval '1 hour'");
            case INTERVAL -> DefaultValue.expression("interval '2 days'");
            case JSON -> DefaultValue.expression("'{}'::json");
            case JSONB -> DefaultValue.expression("'[]'::jsonb");
            case INET -> DefaultValue.string("127.0.0.1");
            default -> null;
        };
    }

    /** Whether btree (and so a unique constraint) supports the type: everything but json. */
    private static boolean btree(ColumnType t) {
        ColumnType e = t instanceof ColumnType.ArrayOf a ? a.element() : t;
        return !e.equals(ColumnType.Builtin.of(PgType.JSON));
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
