package dev.shale.testing;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Index;
import dev.shale.model.IndexMethod;
import dev.shale.model.PgType;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one generator is deterministic per seed and still makes what each of the two it replaced made. */
class RandomSchemasTest {

    @Test
    void aSeedGivesTheSameSchemaEveryTime() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(RandomSchemas.generate(seed), RandomSchemas.generate(seed), "seed " + seed);
        }
    }

    /** Over 300 seeds, every feature of the introspection and of the property generator shows up. */
    @Test
    void theMergedGeneratorCoversWhatBothGeneratorsMade() {
        Map<String, Predicate<Table>> features = new TreeMap<>();
        features.put("brin index", t -> t.indexes().stream().anyMatch(i -> i.method() == IndexMethod.BRIN));
        features.put("column of a type known by name", t -> t.columns().stream()
                .anyMatch(c -> c.type() instanceof dev.shale.model.ColumnType.Named));
        features.put("domain column", t -> t.columns().stream().anyMatch(c -> c.type() instanceof dev.shale.model.ColumnType.DomainRef));
        features.put("array of a domain", t -> t.columns().stream().anyMatch(c -> c.type() instanceof dev.shale.model.ColumnType.ArrayOf a
                && a.element() instanceof dev.shale.model.ColumnType.DomainRef));
        features.put("composite column", t -> t.columns().stream()
                .anyMatch(c -> c.type() instanceof dev.shale.model.ColumnType.CompositeRef));
        features.put("gin index", t -> t.indexes().stream().anyMatch(i -> i.method() == IndexMethod.GIN));
        features.put("hash index", t -> t.indexes().stream().anyMatch(i -> i.method() == IndexMethod.HASH));
        features.put("partial expression index", t -> t.indexes().stream()
                .anyMatch(i -> i.where() != null && i.keys().stream().anyMatch(k -> k.expression() != null)));
        features.put("descending key", t -> t.indexes().stream().map(Index::keys).flatMap(java.util.List::stream)
                .anyMatch(k -> k.descending()));
        features.put("primary key named as the DSL derives it", t -> t.primaryKey() != null
                && t.primaryKey().name().equals(t.name().name() + "_pkey"));
        features.put("composite primary key", t -> t.primaryKey() != null && t.primaryKey().columns().size() > 1);
        features.put("table without a primary key", t -> t.primaryKey() == null);
        features.put("length check on a string", t -> t.checks().stream().anyMatch(c -> c.expression().startsWith("length(")));
        features.put("between check", t -> t.checks().stream().anyMatch(c -> c.expression().contains(" between ")));
        features.put("self reference", t -> t.foreignKeys().stream().anyMatch(f -> f.referencedTable().equals(t.name())));
        features.put("array of numeric(p,s)", columns(c -> c.type() instanceof ColumnType.ArrayOf a
                && a.element() instanceof ColumnType.Builtin b && b.type() == PgType.NUMERIC && b.precision() != null));
        features.put("array of an enum", columns(c -> c.type() instanceof ColumnType.ArrayOf a && a.element() instanceof ColumnType.EnumRef));
        features.put("serial column", columns(c -> c.type() instanceof ColumnType.Builtin b && b.type().isSerial()));
        features.put("bytea column", columns(c -> c.type().equals(ColumnType.Builtin.of(PgType.BYTEA))));
        features.put("json expression default", columns(c -> c.defaultValue() != null
                && c.defaultValue().kind() == DefaultValue.Kind.EXPRESSION && c.defaultValue().value().equals("'{}'::json")));
        features.put("timestamptz expression with an interval", columns(c -> c.defaultValue() != null
                && c.defaultValue().value().equals("now() + interval '1 hour'")));
        features.put("quoted name", t -> t.name().name().contains("\"") || t.columns().stream().anyMatch(c -> c.name().contains("\"")));
        features.put("mixed-case name with a space", t -> t.name().name().startsWith("Mixed ")
                || t.columns().stream().anyMatch(c -> c.name().startsWith("Mixed ")));
        features.put("table in app", t -> t.name().schema().equals("app"));
        features.put("identity column", columns(c -> c.identity() != null));
        features.put("identity column with options", columns(c -> c.identity() != null && !c.identity().options().isDefault()));
        features.put("generated column", columns(c -> c.generated() != null));
        features.put("collated column", columns(c -> c.collation() != null));
        features.put("commented column", columns(c -> c.comment() != null));

        Map<String, Integer> seen = new TreeMap<>();
        features.keySet().forEach(f -> seen.put(f, 0));
        int withEnums = 0;
        for (long seed = 0; seed < 300; seed++) {
            SchemaModel m = RandomSchemas.generate(seed);
            withEnums += m.enums().isEmpty() ? 0 : 1;
            for (Table t : m.tables()) {
                features.forEach((name, has) -> seen.merge(name, has.test(t) ? 1 : 0, Integer::sum));
            }
        }
        assertTrue(withEnums > 0, "no schema with an enum");
        seen.forEach((name, count) -> assertTrue(count > 0, "no table with a " + name + " in 300 seeds: " + seen));
    }

    private static Predicate<Table> columns(Predicate<Column> has) {
        return t -> t.columns().stream().anyMatch(has);
    }
}
