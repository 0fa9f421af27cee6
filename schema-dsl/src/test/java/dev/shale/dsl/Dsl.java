package dev.shale.dsl;

import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small helpers shared by the DSL tests. */
final class Dsl {
    private Dsl() {}

    static SchemaDefinition define(Object... tablesAndEnums) {
        return SchemaBuilder.build(List.of(tablesAndEnums));
    }

    static SchemaModel model(Object... tablesAndEnums) {
        return define(tablesAndEnums).model();
    }

    static dev.shale.model.Table table(SchemaModel model, String name) {
        dev.shale.model.Table t = model.table(QualifiedName.of(name));
        assertNotNull(t, "table " + name + " in " + model.tables());
        return t;
    }

    /** Runs a declaration (constructing tables, building the schema) that must fail. */
    static SchemaDefinitionException fails(Runnable declaration) {
        return assertThrows(SchemaDefinitionException.class, declaration::run);
    }
}
