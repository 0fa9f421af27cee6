package dev.shale.cli.pull;

import dev.shale.model.Check;
import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.DefaultValue;
import dev.shale.model.EnumType;
import dev.shale.model.Extension;
import dev.shale.model.Index;
import dev.shale.model.IndexKey;
import dev.shale.model.Namespace;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.SequenceOptions;
import dev.shale.model.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulled schemas, extensions, sequences and comments compile and give the model back. */
class ObjectsPullTest {
    private static final String PKG = "com.example.pulled";

    @TempDir
    Path dir;

    @Test
    void schemasExtensionsSequencesAndComments() throws Exception {
        QualifiedName tickets = QualifiedName.of("app", "tickets");
        Table table = Table.builder(tickets)
                .columns(List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true,
                                DefaultValue.expression("nextval('app.ticket_no'::regclass)")),
                        new Column("title", ColumnType.Builtin.of(PgType.TEXT), true, null),
                        new Column("legacy_no", ColumnType.Builtin.of(PgType.INTEGER), false, null)))
                .primaryKey(new PrimaryKey("tickets_pkey", List.of("id")).withComment("The ticket number"))
                .checks(List.of(new Check("tickets_title_check", "title <> ''::text").withComment("No \"empty\" titles")))
                .indexes(List.of(new Index("tickets_title_idx", false, null, List.of(IndexKey.column("title")), null)
                        .withComment("Find by title")))
                .comment("Support tickets; it's where users complain")
                .build();
        SchemaModel model = SchemaModel.builder()
                .namespaces(List.of(new Namespace("app", "The application"), Namespace.of("empty")))
                .extensions(List.of(new Extension("citext", "public", "1.6")))
                .sequences(List.of(new Sequence(QualifiedName.of("app", "ticket_no"),
                        new SequenceOptions("integer", 1000L, 10L, null, 100000L, 20L, true),
                        new Sequence.OwnedBy(tickets, "legacy_no"), "Ticket numbers")))
                .enums(List.of(new EnumType(QualifiedName.of("app", "mood"), List.of("ok")).withComment("How it feels")))
                .tables(List.of(table))
                .build();
        Map<String, String> sources = JavaSchemaWriter.write(model, PKG);
        assertEquals(model, PulledCode.load(sources, PKG, dir));
        assertEquals(sources, JavaSchemaWriter.write(model, PKG), "writing twice gives the same text");
        String objects = sources.get("com/example/pulled/Schema.java");
        assertTrue(objects.contains("PgSchema.schema(\"app\").comment(\"The application\")"), objects);
        assertTrue(objects.contains("PgExtension.extension(\"citext\").schema(\"public\").version(\"1.6\")"), objects);
        assertTrue(objects.contains("PgSequence.sequence(\"app\", \"ticket_no\").as(\"integer\").startWith(1000L)"), objects);
        assertTrue(objects.contains(".ownedBy(Schema.APP_TICKETS.legacyNo)"), objects);
        String t = sources.get("com/example/pulled/AppTickets.java");
        assertTrue(t.contains("commentOn(\"tickets_pkey\", \"The ticket number\");"), t);
    }

}
