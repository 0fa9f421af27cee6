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

/** Models that exercise everything the model supports, for the introspection round trip. */
final class FeatureSchema {
    private FeatureSchema() {}

    static final QualifiedName MOOD = QualifiedName.of("app", "mood");
    static final QualifiedName ROLE = QualifiedName.of("public", "role");
    static final QualifiedName AUTH_USERS = QualifiedName.of("auth", "users");

    static ColumnType t(PgType type) {
        return ColumnType.Builtin.of(type);
    }

    static Column col(String name, ColumnType type) {
        return new Column(name, type, false, null);
    }

    static Column col(String name, ColumnType type, DefaultValue value) {
        return new Column(name, type, false, value);
    }

    /** A column of every type, with defaults of every kind. */
    static Table everyType() {
        List<Column> cols = List.of(
                col("id", t(PgType.SERIAL)),
                col("big", t(PgType.BIGSERIAL)),
                col("u", t(PgType.UUID), DefaultValue.expression("gen_random_uuid()")),
                new Column("t", t(PgType.TEXT), true, DefaultValue.string("it's")),
                col("vc", new ColumnType.Builtin(PgType.VARCHAR, 20, null, null), DefaultValue.string("x")),
                col("v", t(PgType.VARCHAR)),
                col("ch", new ColumnType.Builtin(PgType.CHAR, 2, null, null), DefaultValue.string("nl")),
                col("sm", t(PgType.SMALLINT), DefaultValue.number("1")),
                col("i", t(PgType.INTEGER), DefaultValue.number("-5")),
                col("b", t(PgType.BIGINT), DefaultValue.number("9000000000")),
                col("n", new ColumnType.Builtin(PgType.NUMERIC, null, 12, 2), DefaultValue.number("1.50")),
                col("nn", t(PgType.NUMERIC)),
                col("r", t(PgType.REAL), DefaultValue.number("1.5")),
                col("dp", t(PgType.DOUBLE_PRECISION), DefaultValue.number("2.5e3")),
                new Column("bo", t(PgType.BOOLEAN), true, DefaultValue.bool(false)),
                col("d", t(PgType.DATE), DefaultValue.expression("current_date")),
                col("tm", t(PgType.TIME)),
                col("ts", t(PgType.TIMESTAMP), DefaultValue.expression("now()")),
                col("tz", t(PgType.TIMESTAMPTZ), DefaultValue.expression("now()")),
                col("expires", t(PgType.TIMESTAMPTZ), DefaultValue.expression("now() + interval '14 days'")),
                col("iv", t(PgType.INTERVAL), DefaultValue.expression("interval '1 day'")),
                col("js", t(PgType.JSON)),
                col("jb", t(PgType.JSONB), DefaultValue.expression("'{}'::jsonb")),
                col("by", t(PgType.BYTEA)),
                col("ip", t(PgType.INET)),
                col("tags", new ColumnType.ArrayOf(t(PgType.TEXT)), DefaultValue.string("{}")),
                col("scores", new ColumnType.ArrayOf(new ColumnType.Builtin(PgType.NUMERIC, null, 5, 1))),
                col("moods", new ColumnType.ArrayOf(new ColumnType.EnumRef(MOOD))),
                col("mood", new ColumnType.EnumRef(MOOD), DefaultValue.string("it's ok")),
                new Column("role", new ColumnType.EnumRef(ROLE), true, DefaultValue.string("member")),
                col("qty", t(PgType.INTEGER)),
                col("name", t(PgType.TEXT)));
        List<Check> checks = List.of(
                new Check("every_qty_range", "qty > 0 AND qty < 100"),
                new Check("every_name_format", "name ~ '^[a-z]+$' or name is null"),
                new Check("every_role_known", "role <> 'admin' or qty between 1 and 10"));
        List<Index> indexes = List.of(
                new Index("every_partial", false, IndexMethod.BTREE, List.of(IndexKey.column("qty")), "qty > 10 and role = 'member'"),
                new Index("every_lower_name", true, IndexMethod.BTREE, List.of(IndexKey.expression("lower(name)")), null),
                new Index("every_tags_gin", false, IndexMethod.GIN, List.of(IndexKey.column("tags")), null),
                new Index("every_sorted", false, IndexMethod.BTREE, List.of(
                        new IndexKey("tz", null, true, NullsOrder.LAST),
                        new IndexKey("qty", null, false, NullsOrder.FIRST),
                        new IndexKey("i", null, true, NullsOrder.DEFAULT),
                        new IndexKey(null, "qty * 2 + i", false, NullsOrder.DEFAULT)), null),
                new Index("every_ts_brin", false, IndexMethod.BRIN, List.of(IndexKey.column("ts")), null),
                new Index("every_v_hash", false, IndexMethod.HASH, List.of(IndexKey.column("v")), null));
        return new Table(QualifiedName.of("public", "every_type"), cols, new PrimaryKey("every_type_pkey", List.of("id")),
                List.of(new Unique("every_type_u_key", List.of("u"))), checks, List.of(), indexes);
    }

    /** Composite keys with actions, in a non-public schema. */
    static List<Table> composite() {
        Table parents = new Table(QualifiedName.of("app", "parents"),
                List.of(col("a", t(PgType.INTEGER)), col("b", t(PgType.TEXT)), col("label", t(PgType.TEXT))),
                new PrimaryKey("parents_pkey", List.of("a", "b")), List.of(new Unique("parents_label_b_key", List.of("label", "b"))),
                List.of(), List.of(), List.of());
        Table children = new Table(QualifiedName.of("app", "children"),
                List.of(col("id", t(PgType.BIGSERIAL)), col("pa", t(PgType.INTEGER)), col("pb", t(PgType.TEXT)),
                        col("every_id", t(PgType.INTEGER)), col("mood", new ColumnType.EnumRef(MOOD), DefaultValue.string("happy"))),
                new PrimaryKey("children_pkey", List.of("id")), List.of(),
                List.of(new Check("children_mood_check", "mood <> 'sad'")),
                List.of(new ForeignKey("children_parent_fk", List.of("pa", "pb"), parents.name(), List.of("a", "b"),
                                ReferentialAction.CASCADE, ReferentialAction.SET_NULL),
                        new ForeignKey("children_every_fk", List.of("every_id"), QualifiedName.of("public", "every_type"),
                                List.of("id"), ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION)),
                List.of(new Index("children_parent_idx", false, IndexMethod.BTREE,
                        List.of(IndexKey.column("pa"), IndexKey.column("pb")), "mood = 'happy'")));
        return List.of(parents, children);
    }

    static List<EnumType> enums() {
        return List.of(new EnumType(MOOD, List.of("happy", "sad", "it's ok")),
                new EnumType(ROLE, List.of("admin", "member")));
    }

    static SchemaModel all() {
        List<Table> tables = new ArrayList<>(composite());
        tables.add(everyType());
        return new SchemaModel(enums(), tables, List.of());
    }

    /** Supabase style: public.profiles referencing auth.users, which the project does not own. */
    static SchemaModel supabase() {
        Table users = Table.of(AUTH_USERS, List.of(new Column("id", t(PgType.UUID), true, null)));
        Table profiles = new Table(QualifiedName.of("public", "profiles"),
                List.of(new Column("id", t(PgType.UUID), true, DefaultValue.expression("gen_random_uuid()")),
                        new Column("user_id", t(PgType.UUID), true, null),
                        col("created_at", t(PgType.TIMESTAMPTZ), DefaultValue.expression("now()"))),
                new PrimaryKey("profiles_pkey", List.of("id")), List.of(new Unique("profiles_user_id_key", List.of("user_id"))),
                List.of(), List.of(new ForeignKey("profiles_user_id_fkey", List.of("user_id"), AUTH_USERS, List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)), List.of());
        return new SchemaModel(List.of(), List.of(profiles), List.of(users));
    }

    /** SQL that creates Supabase's auth.users by hand, outside the project. */
    static final String AUTH_SQL = """
            CREATE SCHEMA auth;
            CREATE TABLE auth.users (id uuid PRIMARY KEY, email text, raw_user_meta_data jsonb);
            """;
}
