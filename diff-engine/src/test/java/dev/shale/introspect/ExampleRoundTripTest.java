package dev.shale.introspect;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.SchemaModel;
import dev.shale.model.Table;
import dev.shale.snapshot.SnapshotJson;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The bundled example, built by its migrations, introspects equal to its snapshot's canonical form. */
class ExampleRoundTripTest {

    @Test
    void bundledExampleIntrospectsEqualToItsCanonicalSnapshot() throws Exception {
        Path file = Path.of("../snapshots/0001_snapshot.json");
        SchemaModel model = SnapshotJson.read(Files.readString(file), file.toString()).model();
        assertFalse(model.tables().isEmpty());
        try (TestDatabase db = TestDatabase.create()) {
            RoundTrip.migrate(db, model);
            SchemaModel introspected = RoundTrip.assertCanonicalEqualsIntrospected(db, model);
            // Beyond self-consistency: names, enums, keys and every column's type read back as declared.
            assertEquals(model.enums(), introspected.enums());
            assertEquals(model.tables().size(), introspected.tables().size());
            for (Table declared : model.tables()) {
                Table read = introspected.table(declared.name());
                assertEquals(declared.primaryKey(), read.primaryKey(), declared.name().display());
                assertEquals(declared.uniques(), read.uniques(), declared.name().display());
                assertEquals(declared.foreignKeys(), read.foreignKeys(), declared.name().display());
                assertEquals(declared.checks().size(), read.checks().size());
                assertEquals(declared.indexes().size(), read.indexes().size());
                for (Column c : declared.columns()) {
                    Column r = read.column(c.name());
                    assertEquals(c.type(), r.type(), declared.name().display() + "." + c.name());
                    boolean serial = c.type() instanceof ColumnType.Builtin b && b.type().isSerial();
                    assertEquals(c.notNull() || serial, r.notNull(), declared.name().display() + "." + c.name());
                    assertEquals(c.defaultValue() == null, r.defaultValue() == null, declared.name().display() + "." + c.name());
                }
            }
        }
    }
}
