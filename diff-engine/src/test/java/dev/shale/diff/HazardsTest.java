package dev.shale.diff;

import dev.shale.change.AddColumn;
import dev.shale.change.AddConstraint;
import dev.shale.change.AlterColumn;
import dev.shale.change.Change;
import dev.shale.change.ColumnAspect;
import dev.shale.change.CreateIndex;
import dev.shale.change.CreateTable;
import dev.shale.change.DropColumn;
import dev.shale.change.DropConstraint;
import dev.shale.change.DropEnum;
import dev.shale.change.DropIndex;
import dev.shale.change.DropTable;
import dev.shale.change.RenameColumn;
import dev.shale.diff.Hazard.Kind;
import dev.shale.model.Check;
import dev.shale.model.DefaultValue;
import dev.shale.model.PrimaryKey;
import dev.shale.model.Unique;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.shale.testing.Models.col;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.fk;
import static dev.shale.testing.Models.index;
import static dev.shale.testing.Models.notNull;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.table;
import static dev.shale.testing.Models.uniqueIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each change kind and the hazards it carries, with the exact message. */
class HazardsTest {
    static final String COL = "column \"public\".\"users\".\"c\"";

    static AlterColumn type(String from, String to) {
        return new AlterColumn(q("users"), col("c", from), col("c", to), Set.of(ColumnAspect.TYPE));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments(new DropTable(table("users", col("c", "text")).build()), List.of(Kind.DATA_LOSS),
                        "drops table \"public\".\"users\" and its data"),
                arguments(new DropColumn(q("users"), col("legacy_code", "text")), List.of(Kind.DATA_LOSS),
                        "drops column \"public\".\"users\".\"legacy_code\" and its data"),
                arguments(new DropEnum(enumOf("role", "a")), List.of(Kind.DATA_LOSS), "drops enum \"public\".\"role\" and its values"),
                arguments(new DropConstraint(q("users"), new Unique("users_c_key", List.of("c"))), List.of(Kind.DATA_LOSS),
                        "drops unique constraint \"users_c_key\" of \"public\".\"users\", which no longer guards its data"),
                arguments(new DropConstraint(q("users"), new PrimaryKey("users_pkey", List.of("c"))), List.of(Kind.DATA_LOSS),
                        "drops primary key \"users_pkey\" of \"public\".\"users\", which no longer guards its data"),
                arguments(new DropConstraint(q("users"), new Check("ck", "c <> ''")), List.of(Kind.DATA_LOSS),
                        "drops check constraint \"ck\" of \"public\".\"users\", which no longer guards its data"),
                arguments(new DropConstraint(q("users"), fk("fk", "c", "x", "id", null)), List.of(Kind.DATA_LOSS),
                        "drops foreign key \"fk\" of \"public\".\"users\", which no longer guards its data"),
                arguments(new DropIndex(q("users"), uniqueIndex("users_c_idx", "c")), List.of(Kind.DATA_LOSS),
                        "drops unique index \"users_c_idx\" of \"public\".\"users\", which no longer guards its data"),
                arguments(new DropIndex(q("users"), index("users_c_idx", "c")), List.of(), null),
                arguments(type("varchar(50)", "varchar(255)"), List.of(), null),
                arguments(type("varchar(50)", "text"), List.of(), null),
                arguments(type("numeric(10,2)", "numeric(12,2)"), List.of(), null),
                arguments(type("integer", "bigint"), List.of(Kind.TABLE_REWRITE),
                        "changes " + COL + " from integer to bigint, which rewrites table \"public\".\"users\" under an exclusive lock"),
                arguments(type("varchar(255)", "varchar(50)"), List.of(Kind.DATA_LOSS, Kind.TABLE_REWRITE, Kind.MAY_FAIL),
                        "changes " + COL + " from varchar(255) to varchar(50), which can lose or alter values"),
                arguments(type("text", "integer"), List.of(Kind.DATA_LOSS, Kind.TABLE_REWRITE, Kind.MAY_FAIL),
                        "changes " + COL + " from text to integer, which can lose or alter values"),
                arguments(new AlterColumn(q("users"), col("c", "text"), notNull("c", "text"), Set.of(ColumnAspect.NOT_NULL)),
                        List.of(Kind.MAY_FAIL), "sets " + COL + " NOT NULL, which fails if it holds NULLs"),
                arguments(new AlterColumn(q("users"), notNull("c", "text"), col("c", "text"), Set.of(ColumnAspect.NOT_NULL)), List.of(), null),
                arguments(new AlterColumn(q("users"), col("c", "text"), col("c", "text", false, DefaultValue.string("x")),
                        Set.of(ColumnAspect.DEFAULT)), List.of(), null),
                arguments(new AddColumn(q("users"), notNull("c", "text")), List.of(Kind.MAY_FAIL),
                        "adds " + COL + " NOT NULL without a default, which fails if the table has rows"),
                arguments(new AddColumn(q("users"), col("c", "text", true, DefaultValue.string(""))), List.of(), null),
                arguments(new AddColumn(q("users"), col("c", "uuid", true, DefaultValue.expression("gen_random_uuid()"))),
                        List.of(Kind.TABLE_REWRITE),
                        "adds " + COL + " with a volatile default, which rewrites table \"public\".\"users\" under an exclusive lock"),
                arguments(new AddColumn(q("users"), col("c", "timestamptz", true, DefaultValue.expression("now()"))), List.of(), null),
                arguments(new AddConstraint(q("users"), new Unique("users_c_key", List.of("c"))), List.of(Kind.MAY_FAIL),
                        "adds unique constraint \"users_c_key\" to \"public\".\"users\", which fails if existing rows violate it"),
                arguments(new AddConstraint(q("users"), fk("fk", "c", "x", "id", null)), List.of(Kind.MAY_FAIL),
                        "adds foreign key \"fk\" to \"public\".\"users\", which fails if existing rows violate it"),
                arguments(new CreateIndex(q("users"), uniqueIndex("users_c_idx", "c")), List.of(Kind.MAY_FAIL),
                        "creates unique index \"users_c_idx\" on \"public\".\"users\", which fails if existing rows hold duplicates"),
                arguments(new CreateIndex(q("users"), index("users_c_idx", "c")), List.of(), null),
                arguments(new RenameColumn(q("users"), "a", "b"), List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hazards(Change change, List<Kind> kinds, String firstMessage) {
        List<Hazard> hazards = Hazards.of(change);
        assertEquals(kinds, hazards.stream().map(Hazard::kind).toList());
        if (firstMessage != null) {
            assertEquals(firstMessage, hazards.get(0).message());
        }
        hazards.forEach(h -> assertEquals(change, h.change()));
    }

    @Test
    void textToIntegerNeedsAUsingCast() {
        assertEquals("changes " + COL + " from text to integer with a USING cast, which fails if a value does not convert",
                Hazards.of(type("text", "integer")).get(2).message());
    }

    @Test
    void nothingMayFailOnATableCreatedInTheSamePlan() {
        CreateTable create = new CreateTable(table("users", notNull("c", "text")).build());
        List<Change> plan = List.of(create, new AddConstraint(q("users"), new Unique("users_c_key", List.of("c"))),
                new CreateIndex(q("users"), uniqueIndex("users_c_idx", "c")));
        assertEquals(List.of(), Hazards.of(plan));
        assertEquals(1, Hazards.of(List.of(new AddConstraint(q("users"), new Unique("users_c_key", List.of("c"))))).size());
    }
}
