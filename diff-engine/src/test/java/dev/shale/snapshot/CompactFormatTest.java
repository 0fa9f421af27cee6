package dev.shale.snapshot;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.ReferentialAction;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What format 2 leaves out or shortens, and that it does so only where reading gives the identical model back. */
class CompactFormatTest {
    static final QualifiedName DOTTED = QualifiedName.of("my.app", "t");
    static final QualifiedName USERS = QualifiedName.of("users");

    static SchemaModel model(String dottedKeyName) {
        Table dotted = Table.builder(DOTTED)
                .addColumn(Column.of("id", ColumnType.Builtin.of(PgType.INTEGER)).withNotNull(true))
                .primaryKey(new PrimaryKey(dottedKeyName, List.of("id")))
                .build();
        Table users = Table.builder(USERS)
                .addColumn(Column.of("id", ColumnType.Builtin.of(PgType.INTEGER)).withNotNull(true))
                .addColumn(Column.of("t_id", ColumnType.Builtin.of(PgType.INTEGER)))
                .primaryKey(new PrimaryKey("users_pkey", List.of("id")))
                .addForeignKey(new ForeignKey("users_t_id_fkey", List.of("t_id"), DOTTED, List.of("id"),
                        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION))
                .build();
        // an enum is named by its key too (a column cannot refer to it yet: ColumnType's spec splits at the first dot)
        return SchemaModel.builder().addEnum(new EnumType(QualifiedName.of("my.app", "mood"), List.of("ok"), null))
                .tables(List.of(dotted, users)).build();
    }

    private static String write(SchemaModel model) {
        return SnapshotJson.write(Snapshot.next(null, model));
    }

    @Test
    void aNameWhoseSchemaHoldsADotIsWrittenOutWhereTheKeyCannotGiveItBack() {
        SchemaModel model = model("t_pkey");
        String text = write(model);
        assertEquals(model, SnapshotJson.read(text, "0000_snapshot.json").model());
        assertTrue(text.contains("\"my.app.t\": {\n      \"columns\""), text);
        assertTrue(text.contains("\"name\": \"t\""), "the table's name is written: " + text);
        assertTrue(text.contains("\"schema\": \"my.app\""), text);
        assertTrue(text.contains("\"referencedTable\": {\"name\": \"t\", \"schema\": \"my.app\"}"), text);
        assertTrue(text.contains("\"my.app.mood\": {\n      \"name\": \"mood\",\n      \"schema\": \"my.app\","), text);
        assertFalse(text.contains("\"name\": \"users\""), "public.users is named by its key alone: " + text);
        assertFalse(text.contains("\"onDelete\""), "no action is the default: " + text);
    }

    @Test
    void aPrimaryKeyNameIsLeftOutOnlyWhenItIsPostgresDefault() {
        String text = write(model("t_pkey"));
        assertFalse(text.contains("\"t_pkey\""), text);
        assertFalse(text.contains("\"users_pkey\""), text);
        SchemaModel other = model("t_key_by_hand");
        String named = write(other);
        assertTrue(named.contains("\"primaryKey\": {\"columns\": [\"id\"], \"name\": \"t_key_by_hand\"}"), named);
        assertEquals(other, SnapshotJson.read(named, "0000_snapshot.json").model());
    }

    @Test
    void partsSpelledOutInFullStillRead() {
        String text = write(model("t_pkey"))
                .replace("\"public.users\": {", "\"public.users\": {\"name\": \"users\", \"schema\": \"public\",")
                .replace("\"referencedTable\": {\"name\": \"t\", \"schema\": \"my.app\"}",
                        "\"referencedTable\": {\"name\": \"t\", \"schema\": \"my.app\"}, \"onDelete\": \"no action\"");
        String key = "\"primaryKey\": {\"columns\": [\"id\"]}";
        int users = text.lastIndexOf(key);
        text = text.substring(0, users) + "\"primaryKey\": {\"columns\": [\"id\"], \"name\": \"users_pkey\"}"
                + text.substring(users + key.length());
        assertEquals(model("t_pkey"), SnapshotJson.read(text, "0000_snapshot.json").model());
    }

    @Test
    void malformedCompactPartsNameTheirPlace() {
        String text = SnapshotJson.write(Snapshot.next(null, SnapshotJsonTest.richModel()));
        assertMessage(text.replace("{\"expression\": \"gen_random_uuid()\"}", "{\"expression\": \"x()\", \"string\": \"y\"}"),
                "0000_snapshot.json ($.tables.\"public.users\".columns[0].default): must be an object of one field, the"
                        + " default's kind (string, number, boolean or expression) holding its text, as {\"expression\": \"now()\"}");
        assertMessage(text.replace("{\"expression\": \"gen_random_uuid()\"}", "{\"sql\": \"x()\"}"),
                "0000_snapshot.json ($.tables.\"public.users\".columns[0].default.sql): \"sql\" is not one of"
                        + " [string, number, boolean, expression]");
        assertMessage(text.replace("\"referencedTable\": \"auth.users\"", "\"referencedTable\": \"users\""),
                "0000_snapshot.json ($.tables.\"app.po\"sts\".foreignKeys.\"posts_auth_fkey\".referencedTable): the name"
                        + " \"users\" is not <schema>.<name>");
        assertMessage(text.replace("\"auth.users\": {", "\"users\": {"),
                "0000_snapshot.json ($.externalTables.\"users\"): has no schema and name, and its key \"users\" is not"
                        + " <schema>.<name>");
        assertMessage(text.replace("\"keys\": [\"tags\"]", "\"keys\": [\"\"]"),
                "0000_snapshot.json ($.tables.\"public.users\".indexes.\"users_tags_idx\".keys[0]): index key: name is required and must not be blank");
        assertMessage(text.replace("\"version\": 2", "\"version\": 0"),
                "0000_snapshot.json ($.version): is 0 but this Shale reads formats 1 to 2");
        assertMessage(text.replace("\"version\": 2", "\"version\": 3"),
                "0000_snapshot.json ($.version): is 3 but this Shale reads formats 1 to 2; upgrade Shale to read it");
        assertMessage(text.replace(",\n  \"version\": 2", ""),
                "0000_snapshot.json ($.version): is missing; a snapshot file starts with its format version");
    }

    private static void assertMessage(String text, String expected) {
        assertEquals(expected, assertThrows(SnapshotException.class, () -> SnapshotJson.read(text, "0000_snapshot.json")).getMessage());
    }
}
