package dev.shale.evolution;

import dev.shale.change.AlterRoutine;
import dev.shale.change.CommentOnRoutine;
import dev.shale.change.CreateRoutine;
import dev.shale.change.CreateTrigger;
import dev.shale.change.DropRoutine;
import dev.shale.change.DropTable;
import dev.shale.change.DropTrigger;
import dev.shale.dsl.Column;
import dev.shale.dsl.PgFunction;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.Table;
import dev.shale.model.SchemaModel;

import java.time.OffsetDateTime;
import java.util.List;

/** Functions and triggers, written with the DSL, on a table holding rows: the updated_at trigger really fires. */
final class RoutineEvolutions {
    private RoutineEvolutions() {}

    static PgFunction setUpdatedAt(String stamp) {
        return PgFunction.inSchema("app", "set_updated_at").returns("trigger").language("plpgsql")
                .body("\nBEGIN\n  NEW.updated_at = " + stamp + ";\n  RETURN NEW;\nEND\n");
    }

    static final PgFunction NOW = setUpdatedAt("now()");
    static final PgFunction EPOCH = setUpdatedAt("'1970-01-01 00:00:00+00'");

    /** app.notes, with or without the one-line updated_at trigger. */
    static final class Notes extends Table {
        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> body = text("body");
        final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

        Notes(PgFunction touch, boolean onInsertToo) {
            super("app", "notes");
            if (touch != null && onInsertToo) {
                trigger(touch).beforeInsertOrUpdate().forEachRow();
            } else if (touch != null) {
                trigger(touch).beforeUpdate().forEachRow();
            }
        }
    }

    static PgFunction score(String returns, String body) {
        return PgFunction.inSchema("app", "score").argument("n", "integer").returns(returns).language("sql")
                .immutable().body(body);
    }

    private static SchemaModel dsl(Object... objects) {
        return SchemaBuilder.build(List.of(objects)).model();
    }

    private static final String SEED = "INSERT INTO app.notes (id, body, updated_at) VALUES (1, 'a', '2000-01-01'), (2, 'b', '2000-01-01')";
    /** Updates every row and says, per row, whether the trigger stamped it (the seed's stamp is in 2000). */
    private static final String TOUCHED = "WITH u AS (UPDATE app.notes SET body = body || '!' RETURNING id, updated_at)"
            + " SELECT CASE WHEN updated_at = '1970-01-01 00:00:00+00' THEN 'epoch' WHEN updated_at > '2001-01-01' THEN 'now'"
            + " ELSE 'untouched' END FROM u ORDER BY id";

    static List<Evolution> cases() {
        return List.of(
                Evolution.named("an updated_at trigger added to a table holding rows fires on the next UPDATE")
                        .from(dsl(new Notes(null, false)))
                        .to(dsl(new Notes(NOW, false)))
                        .seed(SEED)
                        .keeps(TOUCHED, "now", "now")
                        .expects(CreateRoutine.class, CreateTrigger.class)
                        .forbids(DropTable.class)
                        .losesNoData().build(),
                Evolution.named("a trigger function's new body replaces it in place, its trigger kept")
                        .from(dsl(new Notes(NOW, false)))
                        .to(dsl(new Notes(EPOCH, false)))
                        .seed(SEED)
                        .keeps(TOUCHED, "epoch", "epoch")
                        .expects(AlterRoutine.class)
                        .forbids(DropTrigger.class, DropRoutine.class, CreateTrigger.class)
                        .losesNoData().build(),
                Evolution.named("a trigger's events changed: dropped and created, the rows kept")
                        .from(dsl(new Notes(NOW, false)))
                        .to(dsl(new Notes(NOW, true)))
                        .seed(SEED)
                        .keeps("WITH i AS (INSERT INTO app.notes (id, body, updated_at) VALUES (3, 'c', '2000-01-01')"
                                + " RETURNING updated_at > '2001-01-01') SELECT * FROM i", "t")
                        .keeps("SELECT count(*) FROM app.notes", "3")
                        .expects(DropTrigger.class, CreateTrigger.class)
                        .forbids(AlterRoutine.class, DropRoutine.class)
                        .losesNoData().build(),
                Evolution.named("the updated_at trigger and its function removed, the table kept")
                        .from(dsl(new Notes(NOW, false)))
                        .to(dsl(new Notes(null, false)))
                        .seed(SEED)
                        .keeps(TOUCHED, "untouched", "untouched")
                        .expects(DropTrigger.class, DropRoutine.class)
                        .forbids(DropTable.class)
                        .losesNoData().build(),
                Evolution.named("a function's return type changed: dropped and created; a body change is replaced")
                        .from(dsl(score("integer", "SELECT n * 2"), new Notes(null, false)))
                        .to(dsl(score("bigint", "SELECT n * 3::bigint").comment("Triples"), new Notes(null, false)))
                        .keeps("SELECT app.score(2)", "6")
                        .expects(DropRoutine.class, CreateRoutine.class, CommentOnRoutine.class)
                        .forbids(AlterRoutine.class)
                        .losesNoData().build());
    }
}
