package dev.shale.evolution;

import dev.shale.change.AddColumn;
import dev.shale.change.AddEnumValue;
import dev.shale.change.AlterColumn;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.RenameEnumValue;
import dev.shale.change.ReplaceEnum;
import dev.shale.model.IndexKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.Rename;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;

/** Enums: create, drop, add a value at every position, and use a new value in the migration that adds it. */
final class EnumEvolutions {
    private EnumEvolutions() {}

    private static final String SEED = "INSERT INTO \"public\".\"people\" (\"id\", \"mood\") VALUES (1, 'happy'), (2, 'sad'), (3, NULL)";
    private static final String MOODS = "SELECT \"mood\"::text FROM \"public\".\"people\" ORDER BY \"id\"";

    private static Models.TableSpec people() {
        return table("people").col("id", "integer").pk("id").col("mood", "enum:public.mood");
    }

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("rename an enum value (rows, the default, a check and an index keep it)")
                        .from(schema(enumOf("mood", "happy", "sad"), table("people").col("id", "integer").pk("id")
                                .col("mood", "enum:public.mood", str("sad")).check("people_mood_check", "mood <> 'happy'")
                                .index("people_mood_idx", IndexKey.column("mood"))))
                        .to(schema(enumOf("mood", "happy", "blue"), table("people").col("id", "integer").pk("id")
                                .col("mood", "enum:public.mood", str("blue")).check("people_mood_check", "mood <> 'happy'")
                                .index("people_mood_idx", IndexKey.column("mood"))))
                        .rename(Rename.enumValue(QualifiedName.of("mood"), "sad", "blue"))
                        .seed("INSERT INTO \"public\".\"people\" (\"id\", \"mood\") VALUES (1, 'sad'), (2, DEFAULT), (3, NULL)")
                        .keeps(MOODS, "blue", "blue", null)
                        .keeps("SELECT \"id\"::text FROM \"public\".\"people\" WHERE \"mood\" = 'blue' ORDER BY 1", "1", "2")
                        .expects(RenameEnumValue.class)
                        .forbids(ReplaceEnum.class, DropEnum.class, CreateEnum.class, AlterColumn.class, AddEnumValue.class,
                                DropIndex.class, DropConstraint.class)
                        .steps(1)
                        .losesNoData()
                        .build(),
                Evolution.named("rename an enum value and add one after it (the addition names the new label)")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(enumOf("mood", "happy", "blue", "grey"), people()))
                        .rename(Rename.enumValue(QualifiedName.of("mood"), "sad", "blue"))
                        .seed(SEED)
                        .keeps(MOODS, "happy", "blue", null)
                        .expects(RenameEnumValue.class, AddEnumValue.class)
                        .forbids(ReplaceEnum.class, DropEnum.class, CreateEnum.class)
                        .losesNoData()
                        .build(),
                Evolution.named("create enum")
                        .from(schema(table("people").col("id", "integer").pk("id")))
                        .to(schema(table("people").col("id", "integer").pk("id"), enumOf("mood", "happy", "sad")))
                        .expects(CreateEnum.class)
                        .build(),
                Evolution.named("drop enum together with the column that uses it")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(table("people").col("id", "integer").pk("id")))
                        .seed(SEED)
                        .keeps("SELECT \"id\"::text FROM \"public\".\"people\" ORDER BY 1", "1", "2", "3")
                        .expects(DropColumn.class, DropEnum.class)
                        .losesData()
                        .build(),
                Evolution.named("drop an unused enum")
                        .from(schema(enumOf("mood", "happy", "sad"), enumOf("unused", "x")))
                        .to(schema(enumOf("mood", "happy", "sad")))
                        .expects(DropEnum.class)
                        .forbids(CreateEnum.class)
                        .build(),
                Evolution.named("add enum value at the end")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(enumOf("mood", "happy", "sad", "meh"), people()))
                        .seed(SEED)
                        .keeps(MOODS, "happy", "sad", null)
                        .expects(AddEnumValue.class)
                        .forbids(DropEnum.class, CreateEnum.class, AlterColumn.class)
                        .steps(1)
                        .losesNoData()
                        .build(),
                Evolution.named("add enum value first (BEFORE)")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(enumOf("mood", "ecstatic", "happy", "sad"), people()))
                        .seed(SEED)
                        .keeps(MOODS, "happy", "sad", null)
                        .expects(AddEnumValue.class)
                        .forbids(DropEnum.class, CreateEnum.class)
                        .build(),
                Evolution.named("add enum value in the middle (AFTER)")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(enumOf("mood", "happy", "content", "sad"), people()))
                        .seed(SEED)
                        .keeps(MOODS, "happy", "sad", null)
                        .keeps("SELECT string_agg(\"v\"::text, ',' ORDER BY \"v\") FROM unnest(enum_range(NULL::\"public\".\"mood\")) AS \"v\"",
                                "happy,content,sad")
                        .expects(AddEnumValue.class)
                        .forbids(DropEnum.class, CreateEnum.class)
                        .build(),
                Evolution.named("add several enum values around the existing ones")
                        .from(schema(enumOf("grade", "b", "d")))
                        .to(schema(enumOf("grade", "a", "b", "c", "d", "e")))
                        .expects(AddEnumValue.class)
                        .forbids(DropEnum.class, CreateEnum.class)
                        .build(),
                Evolution.named("new enum value used as the default in the same migration (two steps)")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(enumOf("mood", "happy", "sad", "meh"),
                                table("people").col("id", "integer").pk("id").col("mood", "enum:public.mood", str("meh"))))
                        .seed(SEED)
                        .keeps(MOODS, "happy", "sad", null)
                        .keeps("INSERT INTO \"public\".\"people\" (\"id\") VALUES (4) RETURNING \"mood\"::text", "meh")
                        .expects(AddEnumValue.class, AlterColumn.class)
                        .steps(2)
                        .build(),
                Evolution.named("new enum value as the default of a new NOT NULL column (two steps)")
                        .from(schema(enumOf("mood", "happy", "sad"), people()))
                        .to(schema(enumOf("mood", "happy", "sad", "meh"),
                                people().col("usual_mood", "enum:public.mood", NOT_NULL, str("meh"))))
                        .seed(SEED)
                        .keeps("SELECT \"usual_mood\"::text FROM \"public\".\"people\" ORDER BY \"id\"", "meh", "meh", "meh")
                        .expects(AddEnumValue.class, AddColumn.class)
                        .steps(2)
                        .build(),
                Evolution.named("new enum and a new table using it, with a default")
                        .from(schema(table("people").col("id", "integer").pk("id")))
                        .to(schema(table("people").col("id", "integer").pk("id"), enumOf("status", "draft", "live"),
                                table("posts").col("id", "integer").pk("id")
                                        .col("status", "enum:public.status", NOT_NULL, str("draft"))))
                        .expects(CreateEnum.class, CreateTable.class)
                        .steps(1)
                        .build());
    }
}
