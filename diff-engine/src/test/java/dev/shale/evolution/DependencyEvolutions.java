package dev.shale.evolution;

import dev.shale.change.AddConstraint;
import dev.shale.change.CreateEnum;
import dev.shale.change.CreateTable;
import dev.shale.change.DropEnum;
import dev.shale.change.DropTable;
import dev.shale.testing.Models;

import java.util.List;

import static dev.shale.model.ReferentialAction.CASCADE;
import static dev.shale.model.ReferentialAction.NO_ACTION;
import static dev.shale.model.ReferentialAction.SET_NULL;
import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;

/**
 * Dependency order: what must exist before what, and what must go first. Table names are chosen so
 * that alphabetical order is the wrong order.
 */
final class DependencyEvolutions {
    private DependencyEvolutions() {}

    private static Models.TableSpec writers() {
        return table("writers").col("id", "integer").pk("id").col("name", "text", NOT_NULL);
    }

    /** Sorts before "writers", which it references. */
    private static Models.TableSpec articles() {
        return table("articles").col("id", "integer").pk("id").col("writer_id", "integer", NOT_NULL)
                .fk("articles_writer_id_fkey", "writer_id", "writers", "id", CASCADE);
    }

    private static Models.TableSpec authors() {
        return table("authors").col("id", "integer").pk("id");
    }

    /** Sorts after "authors", which it references. */
    private static Models.TableSpec books() {
        return table("books").col("id", "integer").pk("id").col("author_id", "integer")
                .fk("books_author_id_fkey", "author_id", "authors", "id", NO_ACTION);
    }

    private static Models.TableSpec departments() {
        return table("departments").col("id", "integer").pk("id").col("head_id", "integer")
                .fk("departments_head_id_fkey", "head_id", "employees", "id", SET_NULL);
    }

    private static Models.TableSpec employees() {
        return table("employees").col("id", "integer").pk("id").col("department_id", "integer")
                .fk("employees_department_id_fkey", "department_id", "departments", "id", CASCADE);
    }

    private static final Models.TableSpec UNRELATED = table("unrelated").col("id", "integer").pk("id");

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("new enum and a new table using it (enum first)")
                        .from(schema(UNRELATED))
                        .to(schema(UNRELATED, enumOf("zz_priority", "low", "high"),
                                table("aa_tasks").col("id", "integer").pk("id")
                                        .col("priority", "enum:public.zz_priority", NOT_NULL, str("low"))
                                        .col("history", "enum:public.zz_priority[]")))
                        .expects(CreateEnum.class, CreateTable.class)
                        .build(),
                Evolution.named("new referenced table and new referencing table in one migration")
                        .from(schema(UNRELATED))
                        .to(schema(UNRELATED, writers(), articles()))
                        .expects(CreateTable.class, AddConstraint.class)
                        .build(),
                Evolution.named("drop a referenced table together with its referencing table")
                        .from(schema(UNRELATED, authors(), books()))
                        .to(schema(UNRELATED))
                        .seed("INSERT INTO \"public\".\"authors\" VALUES (1); INSERT INTO \"public\".\"books\" VALUES (1, 1)")
                        .expects(DropTable.class)
                        .losesData()
                        .build(),
                Evolution.named("drop a referenced table, keeping the table that referenced it")
                        .from(schema(authors(), books()))
                        .to(schema(table("books").col("id", "integer").pk("id").col("author_id", "integer")))
                        .seed("INSERT INTO \"public\".\"authors\" VALUES (1); INSERT INTO \"public\".\"books\" VALUES (1, 1)")
                        .keeps("SELECT \"author_id\"::text FROM \"public\".\"books\"", "1")
                        .expects(DropTable.class)
                        .losesData()
                        .build(),
                Evolution.named("two-table reference cycle created in one migration")
                        .from(schema(UNRELATED))
                        .to(schema(UNRELATED, departments(), employees()))
                        .expects(CreateTable.class, AddConstraint.class)
                        .build(),
                Evolution.named("two-table reference cycle dropped in one migration")
                        .from(schema(UNRELATED, departments(), employees()))
                        .to(schema(UNRELATED))
                        .seed("INSERT INTO \"public\".\"departments\" VALUES (1, NULL);"
                                + " INSERT INTO \"public\".\"employees\" VALUES (7, 1);"
                                + " UPDATE \"public\".\"departments\" SET \"head_id\" = 7")
                        .expects(DropTable.class)
                        .losesData()
                        .build(),
                Evolution.named("enum dropped with the table that uses it, another enum and table created")
                        .from(schema(enumOf("kind", "a", "b"), table("things").col("id", "integer").pk("id").col("kind", "enum:public.kind")))
                        .to(schema(enumOf("category", "x", "y"),
                                table("items").col("id", "integer").pk("id").col("category", "enum:public.category", str("x"))))
                        .droppedNotRenamed(Models.q("things"))
                        .expects(DropTable.class, DropEnum.class, CreateEnum.class, CreateTable.class)
                        .build());
    }
}
