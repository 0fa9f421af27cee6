package dev.shale.cli.pull;

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
import dev.shale.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulled code compiles, and loading it through the DSL gives back exactly the model it was written from. */
class JavaSchemaWriterTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    private Map<String, String> roundTrip(SchemaModel model) throws Exception {
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        assertEquals(sources, JavaSchemaWriter.write(model, PKG), "writing twice gives the same text");
        return sources;
    }

    @Test
    void bundledExampleSnapshot() throws Exception {
        Path snapshot = Path.of("..", "snapshots", "0001_snapshot.json");
        SchemaModel model = SnapshotJson.read(Files.readString(snapshot), snapshot.toString()).model();
        Map<String, String> sources = roundTrip(model);
        assertTrue(sources.containsKey("com/example/pulled/Users.java"), sources.keySet().toString());
        assertTrue(sources.containsKey("com/example/pulled/Enums.java"));
        assertTrue(sources.get("com/example/pulled/Profiles.java")
                .contains(".references(() -> Schema.USERS.id, CASCADE)"), sources.get("com/example/pulled/Profiles.java"));
    }

    @Test
    void everyTypeDefaultIndexAndConstraint() throws Exception {
        QualifiedName kinds = QualifiedName.of("kinds");
        List<Column> columns = List.of(
                col("id", t(PgType.BIGSERIAL), true, null),
                col("u", t(PgType.UUID), true, DefaultValue.expression("gen_random_uuid()")),
                col("u2", t(PgType.UUID), false, DefaultValue.string("0b9e6a3c-7f4e-4b8e-9d2a-1c3f5e7a9b0d")),
                col("t", t(PgType.TEXT), false, DefaultValue.string("it's")),
                col("v", new ColumnType.Builtin(PgType.VARCHAR, 20, null, null), true, DefaultValue.string("x")),
                col("v2", t(PgType.VARCHAR), false, null),
                col("c", new ColumnType.Builtin(PgType.CHAR, 2, null, null), false, DefaultValue.string("ab")),
                col("s", t(PgType.SMALLINT), false, DefaultValue.number("-3")),
                col("i", t(PgType.INTEGER), true, DefaultValue.number("0")),
                col("b", t(PgType.BIGINT), false, DefaultValue.number("9000000000")),
                col("ser", t(PgType.SERIAL), true, null),
                col("n", new ColumnType.Builtin(PgType.NUMERIC, null, 10, 2), false, DefaultValue.number("1.50")),
                col("n2", t(PgType.NUMERIC), false, DefaultValue.number("007")),
                col("r", t(PgType.REAL), false, DefaultValue.number("1.5")),
                col("d", t(PgType.DOUBLE_PRECISION), false, DefaultValue.number("2.25")),
                col("flag", t(PgType.BOOLEAN), true, DefaultValue.bool(true)),
                col("day", t(PgType.DATE), false, DefaultValue.string("2024-02-29")),
                col("at", t(PgType.TIME), false, DefaultValue.string("12:30")),
                col("ts", t(PgType.TIMESTAMP), false, DefaultValue.expression("now()")),
                col("tstz", t(PgType.TIMESTAMPTZ), true, DefaultValue.expression("now()")),
                col("tstz2", t(PgType.TIMESTAMPTZ), false, DefaultValue.string("2024-01-01T00:00Z")),
                col("span", t(PgType.INTERVAL), false, DefaultValue.string("PT1H")),
                col("span2", t(PgType.INTERVAL), false, DefaultValue.expression("'1 day'::interval")),
                col("j", t(PgType.JSON), false, DefaultValue.string("{}")),
                col("jb", t(PgType.JSONB), true, DefaultValue.string("{\"a\": 1}")),
                col("raw", t(PgType.BYTEA), false, DefaultValue.string("\\x00ff")),
                col("ip", t(PgType.INET), false, null),
                col("mood", new ColumnType.EnumRef(QualifiedName.of("mood")), true, DefaultValue.string("ok")),
                col("moods", new ColumnType.ArrayOf(new ColumnType.EnumRef(QualifiedName.of("mood"))), false,
                        DefaultValue.string("{\"ok\",\"sad\"}")),
                col("tags", new ColumnType.ArrayOf(t(PgType.TEXT)), true, DefaultValue.string("{}")),
                col("nums", new ColumnType.ArrayOf(t(PgType.INTEGER)), false, DefaultValue.string("{\"1\",\"2\"}")),
                col("lower_expr", t(PgType.TEXT), false, DefaultValue.expression("lower('X')")));
        Table table = new Table(kinds, columns, new PrimaryKey("kinds_pkey", List.of("id")),
                List.of(new Unique("kinds_v_key", List.of("v")), new Unique("kinds_pair_uq", List.of("i", "s"))),
                List.of(new Check("kinds_i_positive", "i >= 0"), new Check("kinds_quote", "t <> 'a\"b'")),
                List.of(new ForeignKey("kinds_u_fkey", List.of("u"), QualifiedName.of("other"), List.of("id"),
                                ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                        new ForeignKey("kinds_other_named", List.of("u2"), QualifiedName.of("other"), List.of("id"),
                                ReferentialAction.SET_NULL, ReferentialAction.RESTRICT),
                        new ForeignKey("kinds_pair_fk", List.of("u", "i"), QualifiedName.of("other"), List.of("id", "n"),
                                ReferentialAction.NO_ACTION, ReferentialAction.CASCADE),
                        new ForeignKey("kinds_i_fkey", List.of("i"), QualifiedName.of("other"), List.of("big"),
                                ReferentialAction.SET_DEFAULT, ReferentialAction.NO_ACTION)),
                List.of(new Index("kinds_t_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("t")), null),
                        new Index("kinds_multi_idx", true, IndexMethod.BTREE, List.of(
                                new IndexKey("ts", null, true, NullsOrder.LAST),
                                new IndexKey("i", null, false, NullsOrder.FIRST),
                                new IndexKey(null, "lower(t)", true, NullsOrder.DEFAULT)), "flag and t is not null"),
                        new Index("kinds_tags_idx", false, IndexMethod.GIN, List.of(IndexKey.column("tags")), null),
                        new Index("kinds_ts_brin", false, IndexMethod.BRIN, List.of(IndexKey.column("ts")), null),
                        new Index("kinds_expr_idx", false, IndexMethod.HASH, List.of(
                                new IndexKey(null, "(v || 'x')", false, NullsOrder.FIRST)), null)));
        Table other = new Table(QualifiedName.of("other"), List.of(
                col("id", t(PgType.UUID), true, null), col("n", t(PgType.INTEGER), true, null),
                col("big", t(PgType.BIGINT), true, null)),
                new PrimaryKey("other_pk_named", List.of("id", "n")),
                List.of(new Unique("other_id_key", List.of("id")), new Unique("other_big_key", List.of("big"))),
                List.of(), List.of(), List.of());
        SchemaModel model = new SchemaModel(List.of(new EnumType(QualifiedName.of("mood"), List.of("ok", "sad", "it's"))),
                List.of(table, other), List.of());
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        String kindsSource = sources.get("com/example/pulled/Kinds.java");
        // Defaults no Java value gives back exactly stay SQL; the model says so with the kind.
        assertTrue(kindsSource.contains("numeric(\"n2\").defaultSql(\"007\")"), kindsSource);
        SchemaModel loaded = PulledCode.load(sources, PKG, dir);
        Column n2 = loaded.table(kinds).column("n2");
        assertEquals(DefaultValue.expression("007"), n2.defaultValue());
        // Everything else comes back exactly.
        SchemaModel expected = replaceColumn(model, kinds, n2);
        assertEquals(expected, loaded);
        assertTrue(kindsSource.contains("@SuppressWarnings(\"unchecked\")"), "integer -> bigint needs a cast");
    }

    @Test
    void namesThatNeedEscaping() throws Exception {
        QualifiedName clazz = QualifiedName.of("class");
        Table t = new Table(clazz, List.of(
                col("default", t(PgType.INTEGER), true, null),
                col("1st", t(PgType.TEXT), false, null),
                col("we\"ird name", t(PgType.TEXT), false, DefaultValue.string("a\"b$c\\d")),
                col("First", t(PgType.TEXT), false, null),
                col("first", t(PgType.TEXT), false, null)),
                new PrimaryKey("class_pkey", List.of("default")), List.of(),
                List.of(new Check("class \"q\"", "\"1st\" <> '$x'")), List.of(),
                List.of(new Index("class_weird_idx", false, IndexMethod.BTREE, List.of(IndexKey.column("we\"ird name")), null)));
        Table string = Table.of(QualifiedName.of("string"), List.of(col("x", t(PgType.TEXT), false, null)));
        Table digits = Table.of(QualifiedName.of("2024_data"), List.of(col("x", t(PgType.TEXT), false, null)));
        Map<String, String> sources = roundTrip(new SchemaModel(List.of(), List.of(t, string, digits), List.of()));
        String source = sources.get("com/example/pulled/ClassTable.java");
        assertTrue(source != null, sources.keySet().toString());
        assertTrue(source.contains("Column<Integer> default_ = integer(\"default\").primaryKey();"), source);
        assertTrue(sources.containsKey("com/example/pulled/StringTable.java"), sources.keySet().toString());
        assertTrue(sources.containsKey("com/example/pulled/_2024Data.java"), sources.keySet().toString());
    }

    @Test
    void nonPublicSchemaAndExternalAuthUsers() throws Exception {
        QualifiedName authUsers = QualifiedName.of("auth", "users");
        Table external = Table.of(authUsers, List.of(col("id", t(PgType.UUID), true, null),
                col("email", t(PgType.TEXT), false, null)));
        QualifiedName invoices = QualifiedName.of("billing", "invoices");
        Table owned = new Table(invoices, List.of(
                col("id", t(PgType.BIGSERIAL), true, null),
                col("user_id", t(PgType.UUID), true, null),
                col("state", new ColumnType.EnumRef(QualifiedName.of("billing", "state")), true, DefaultValue.string("open"))),
                new PrimaryKey("invoices_pkey", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("invoices_user_id_fkey", List.of("user_id"), authUsers, List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)),
                List.of());
        Table users = new Table(QualifiedName.of("users"), List.of(col("id", t(PgType.UUID), true, null)),
                new PrimaryKey("users_pkey", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("users_id_fkey", List.of("id"), authUsers, List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE)), List.of());
        SchemaModel model = new SchemaModel(List.of(new EnumType(QualifiedName.of("billing", "state"), List.of("open", "paid"))),
                List.of(owned, users), List.of(external));
        Map<String, String> sources = roundTrip(model);
        String auth = sources.get("com/example/pulled/AuthUsers.java");
        assertTrue(auth.contains("extends ExternalTable"), auth);
        assertTrue(auth.contains("super(\"auth\", \"users\");"), auth);
        assertTrue(sources.get("com/example/pulled/Enums.java").contains("PgEnum.inSchema(\"billing\", \"state\", \"open\", \"paid\")"));
        assertTrue(sources.get("com/example/pulled/BillingInvoices.java").contains("super(\"billing\", \"invoices\");"));
        assertTrue(sources.get("com/example/pulled/Users.java").contains("references(() -> Schema.AUTH_USERS.id, CASCADE, CASCADE)"));
    }

    @Test
    void tablesWhoseJavaNamesCollideGetDistinctClasses() throws Exception {
        Table a = Table.of(QualifiedName.of("auth", "users"), List.of(col("id", t(PgType.UUID), true, null)));
        Table b = Table.of(QualifiedName.of("auth_users"), List.of(col("id", t(PgType.UUID), true, null)));
        Table c = Table.of(QualifiedName.of("AuthUsers"), List.of(col("user_id", t(PgType.UUID), true, null),
                col("userId", t(PgType.UUID), true, null)));
        Table d = Table.of(QualifiedName.of("AUTHUSERS"), List.of(col("id", t(PgType.UUID), true, null)));
        Map<String, String> sources = roundTrip(new SchemaModel(List.of(), List.of(b, c, d), List.of(a)));
        // Four classes whose file names differ also on case-insensitive file systems, plus Enums and Schema.
        assertEquals(6, sources.keySet().stream().map(k -> k.toLowerCase(java.util.Locale.ROOT)).distinct().count(),
                sources.keySet().toString());
    }

    @Test
    void aForeignKeyOfFourColumnsIsRefusedWithAReason() {
        List<Column> cols = List.of(col("a", t(PgType.INTEGER), true, null), col("b", t(PgType.INTEGER), true, null),
                col("c", t(PgType.INTEGER), true, null), col("d", t(PgType.INTEGER), true, null));
        List<String> names = List.of("a", "b", "c", "d");
        Table target = new Table(QualifiedName.of("target"), cols, new PrimaryKey("target_pkey", names),
                List.of(), List.of(), List.of(), List.of());
        Table source = new Table(QualifiedName.of("source"), cols, null, List.of(), List.of(),
                List.of(new ForeignKey("source_fk", names, QualifiedName.of("target"), names, null, null)), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JavaSchemaWriter.write(new SchemaModel(List.of(), List.of(source, target), List.of()), PKG));
        assertTrue(e.getMessage().contains("foreign key \"source_fk\" has 4 columns"), e.getMessage());
    }

    @Test
    void rejectsBadPackageNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JavaSchemaWriter.write(SchemaModel.EMPTY, "com.example.class"));
        assertTrue(e.getMessage().contains("not a Java package name"), e.getMessage());
        assertFalse(JavaSchemaWriter.write(SchemaModel.EMPTY, "a.b").isEmpty());
    }

    static ColumnType t(PgType type) {
        return ColumnType.Builtin.of(type);
    }

    static Column col(String name, ColumnType type, boolean notNull, DefaultValue d) {
        return new Column(name, type, notNull, d);
    }

    private static SchemaModel replaceColumn(SchemaModel model, QualifiedName table, Column column) {
        List<Table> tables = model.tables().stream().map(t -> !t.name().equals(table) ? t : new Table(t.name(),
                t.columns().stream().map(c -> c.name().equals(column.name()) ? column : c).toList(),
                t.primaryKey(), t.uniques(), t.checks(), t.foreignKeys(), t.indexes())).toList();
        return new SchemaModel(model.enums(), tables, model.externalTables());
    }
}
