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
                arguments(type("integer", "bigint"), List.of(Kind.TABLE_REWRITE),
                        "changes " + COL + " from integer to bigint, which rewrites table \"public\".\"users\" under an exclusive lock"),
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

    static final String L = "DATA_LOSS";
    static final String R = "TABLE_REWRITE";
    static final String F = "MAY_FAIL";
    static final String ZONE = "the migrating session's time zone";

    /**
     * Type conversions: from, to, the hazard kinds, and the consequence of the data-loss hazard (how
     * values change) and of the may-fail one (how it fails), or null where there is none.
     */
    static Stream<Arguments> conversions() {
        return Stream.of(
                // widenings: every value survives unchanged
                conversion("varchar(50)", "varchar(255)", List.of(), null, null),
                conversion("varchar(50)", "text", List.of(), null, null),
                conversion("char(3)", "varchar(3)", List.of(R), null, null),
                conversion("numeric(10,2)", "numeric(12,2)", List.of(), null, null),
                conversion("numeric(10,2)", "numeric", List.of(), null, null),
                conversion("smallint", "integer", List.of(R), null, null),
                conversion("integer", "double precision", List.of(R), null, null),
                conversion("real", "double precision", List.of(R), null, null),
                conversion("integer", "numeric(10,0)", List.of(R), null, null),
                conversion("date", "timestamp", List.of(R), null, null),
                conversion("time", "interval", List.of(R), null, null),
                conversion("jsonb", "json", List.of(R), null, null),
                conversion("integer[]", "bigint[]", List.of(R), null, null),
                conversion("uuid", "text", List.of(R), null, null),
                conversion("enum:public.role", "text", List.of(R), null, null),
                // time zones: the session's zone decides the stored value
                conversion("timestamptz", "timestamp", List.of(L, R), "turns each instant into its local time in " + ZONE, null),
                conversion("timestamp", "timestamptz", List.of(L, R), "reads each value as a local time in " + ZONE, null),
                conversion("date", "timestamptz", List.of(L, R), "reads each date as midnight in " + ZONE, null),
                conversion("timestamptz", "date", List.of(L, R), "drops the time of day after shifting each instant to " + ZONE, null),
                conversion("timestamp", "date", List.of(L, R), "drops the time of day", null),
                conversion("timestamp", "time", List.of(L, R), "drops the date", null),
                conversion("timestamptz", "time", List.of(L, R), "drops the date after shifting each instant to " + ZONE, null),
                conversion("interval", "time", List.of(L, R), "drops the days and months of each interval", null),
                conversion("timestamptz[]", "timestamp[]", List.of(L, R), "turns each instant into its local time in " + ZONE, null),
                // numbers: rounding and range
                conversion("numeric(10,2)", "numeric(10,1)", List.of(L, R), "rounds values to 1 decimal place", null),
                conversion("numeric(3,2)", "numeric(2,1)", List.of(L, R, F), "rounds values to 1 decimal place",
                        "fails if a value has more than 1 digit before the decimal point"),
                conversion("numeric(10,2)", "numeric(8,2)", List.of(R, F), null, "fails if a value has more than 6 digits before the decimal point"),
                conversion("numeric", "numeric(12,2)", List.of(L, R, F), "rounds values to 2 decimal places",
                        "fails if a value has more than 10 digits before the decimal point"),
                conversion("numeric(12,2)", "integer", List.of(L, R, F), "rounds values to whole numbers", "fails if a value is outside the range of integer"),
                conversion("numeric(9,0)", "integer", List.of(R), null, null),
                conversion("double precision", "integer", List.of(L, R, F), "rounds values to whole numbers", "fails if a value is outside the range of integer"),
                conversion("real", "bigint", List.of(L, R, F), "rounds values to whole numbers", "fails if a value is outside the range of bigint"),
                conversion("double precision", "real", List.of(L, R, F), "rounds values to the about 6 significant digits of real",
                        "fails if a value is outside the range of real"),
                conversion("integer", "real", List.of(L, R), "rounds values to the about 6 significant digits of real", null),
                conversion("bigint", "double precision", List.of(L, R), "rounds values beyond about 15 significant digits", null),
                conversion("numeric", "double precision", List.of(L, R, F), "rounds values beyond about 15 significant digits",
                        "fails if a value is outside the range of double precision"),
                conversion("double precision", "numeric", List.of(L, R), "keeps only about 15 significant digits of each value", null),
                conversion("real", "numeric(6,2)", List.of(L, R, F), "rounds values to 2 decimal places",
                        "fails if a value has more than 4 digits before the decimal point"),
                conversion("bigint", "integer", List.of(R, F), null, "fails if a value is outside the range of integer"),
                conversion("integer", "smallint", List.of(R, F), null, "fails if a value is outside the range of smallint"),
                conversion("bigint", "numeric(12,0)", List.of(R, F), null, "fails if a value has more than 12 digits before the decimal point"),
                // strings: length and padding
                conversion("varchar(255)", "varchar(50)", List.of(L, R, F), "cuts trailing spaces beyond 50 characters",
                        "fails if a value is longer than 50 characters"),
                conversion("text", "varchar(20)", List.of(L, R, F), "cuts trailing spaces beyond 20 characters",
                        "fails if a value is longer than 20 characters"),
                conversion("text", "char(2)", List.of(L, R, F), "pads values with spaces to 2 characters and stops counting their trailing spaces",
                        "fails if a value is longer than 2 characters"),
                conversion("varchar(2)", "char(4)", List.of(L, R), "pads values with spaces to 4 characters and stops counting their trailing spaces", null),
                conversion("char(5)", "char(3)", List.of(R, F), null, "fails if a value is longer than 3 characters"),
                conversion("integer", "varchar(5)", List.of(R, F), null, "fails if a value is longer than 5 characters"),
                // other conversions
                conversion("json", "jsonb", List.of(L, R, F), "drops duplicate keys and the whitespace and key order of documents",
                        "fails if a document holds the escape \\u0000"),
                conversion("text", "enum:public.role", List.of(R, F), null, "fails if a value is not a label of the enum"),
                conversion("text", "integer", List.of(L, R, F), "can lose or alter values", "fails if a value does not convert"),
                conversion("text[]", "integer[]", List.of(L, R, F), "can lose or alter values", "fails if a value does not convert"),
                conversion("text", "named:citext", List.of(R), null, null),
                conversion("named:citext", "text", List.of(R), null, null),
                conversion("text", "named:tsvector", List.of(L, R, F), "can lose or alter values", "fails if a value does not convert"),
                conversion("named:money", "numeric(12,2)", List.of(L, R, F), "can lose or alter values", "fails if a value does not convert"));
    }

    static Arguments conversion(String from, String to, List<String> kinds, String alters, String fails) {
        return arguments(from + " -> " + to, type(from, to), kinds.stream().map(Kind::valueOf).toList(), alters, fails);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void typeConversions(String name, AlterColumn change, List<Kind> kinds, String alters, String fails) {
        List<Hazard> hazards = Hazards.of(change);
        assertEquals(kinds, hazards.stream().map(Hazard::kind).toList());
        String subject = "changes " + COL + " from " + change.from().type().sql() + " to " + change.to().type().sql();
        hazards.forEach(h -> assertEquals(subject, h.subject()));
        assertEquals(alters, consequence(hazards, Kind.DATA_LOSS));
        assertEquals(fails, consequence(hazards, Kind.MAY_FAIL));
        assertEquals(kinds.isEmpty() || kinds.equals(List.of(Kind.TABLE_REWRITE)), TypeConversions.isWidening(change.from().type(), change.to().type()));
    }

    private static String consequence(List<Hazard> hazards, Kind kind) {
        return hazards.stream().filter(h -> h.kind() == kind).map(Hazard::consequence).findFirst().orElse(null);
    }

    @Test
    void nothingMayFailOnATableCreatedInTheSamePlan() {
        CreateTable create = new CreateTable(table("users", notNull("c", "text")).build());
        List<Change> plan = List.of(create, new AddConstraint(q("users"), new Unique("users_c_key", List.of("c"))),
                new CreateIndex(q("users"), uniqueIndex("users_c_idx", "c")));
        assertEquals(List.of(), Hazards.of(plan));
        assertEquals(1, Hazards.of(List.of(new AddConstraint(q("users"), new Unique("users_c_key", List.of("c"))))).size());
    }

    @Test
    void eachKindHasTheLabelMigrationFilesAndFrontEndsShow() {
        assertEquals(List.of("data loss", "table rewrite", "may fail"),
                Stream.of(Kind.values()).map(Kind::label).toList(), "most serious first");
    }
}
