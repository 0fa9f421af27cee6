package dev.shale.cli.pull;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Identity;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity, generated, collated and commented columns pull as DSL calls that compile and give back the model. */
class ColumnFeaturePullTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    @Test
    void columnFeaturesRoundTripThroughPulledCode() throws Exception {
        Table orders = new Table(QualifiedName.of("orders"), List.of(
                Column.of("id", ColumnType.Builtin.of(PgType.BIGINT)).withIdentity(Identity.always()),
                Column.of("ref", ColumnType.Builtin.of(PgType.INTEGER)).withIdentity(Identity.byDefault().withOptions(
                        new SequenceOptions(null, 1000L, -5L, -100_000L, 2000L, 20L, true))),
                Column.of("price", ColumnType.Builtin.of(PgType.INTEGER)).withDefault(DefaultValue.number("0")),
                Column.of("total", ColumnType.Builtin.of(PgType.INTEGER)).withGenerated("price * 2").withComment("it's \"twice\""),
                Column.of("code", ColumnType.Builtin.of(PgType.TEXT)).withCollation("C").withNotNull(true),
                Column.of("tags", new ColumnType.ArrayOf(ColumnType.Builtin.of(PgType.TEXT))).withCollation("\"app\".\"Blind\"")),
                new PrimaryKey("orders_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
        SchemaModel model = new SchemaModel(List.of(), List.of(orders), List.of());
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        String code = sources.get("com/example/pulled/Orders.java");
        assertTrue(code.contains(".generatedAlwaysAsIdentity()"), code);
        assertTrue(code.contains(".generatedByDefaultAsIdentity(seq -> seq.startWith(1000L).incrementBy(-5L)"
                + ".minValue(-100000L).maxValue(2000L).cache(20L).cycle())"), code);
        assertTrue(code.contains(".generatedAlwaysAs(\"price * 2\").comment(\"it's \\\"twice\\\"\")"), code);
        assertTrue(code.contains(".collate(\"C\")"), code);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
    }
}
