package dev.shale.workflow;

import dev.shale.model.Column;
import dev.shale.model.ColumnType;
import dev.shale.model.EnumType;
import dev.shale.model.ForeignKey;
import dev.shale.model.PgType;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.Table;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema filter: patterns, the part of a model it keeps, and push and drift under it. */
class SchemaFilterTest {
    @TempDir
    Path dir;

    @Test
    void exactNamesAndStarPatterns() {
        SchemaFilter f = new SchemaFilter(List.of("app", "tenant_*"), List.of("tenant_old*"));
        assertTrue(f.matches("app"));
        assertTrue(f.matches("tenant_a"));
        assertFalse(f.matches("tenant_old_1"));
        assertFalse(f.matches("application"));
        assertEquals(Set.of("app", "tenant_b"), f.schemas(Set.of("app", "tenant_b", "public", "tenant_old")));
        assertTrue(SchemaFilter.ALL.matches("anything"));
        assertFalse(new SchemaFilter(List.of(), List.of("*")).matches("public"));
    }

    @Test
    void aTableLeftOutThatAKeptOneReferencesStaysAsExternal() {
        Table users = Table.builder(QualifiedName.of("auth", "users"))
                .columns(List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true, null),
                        new Column("kind", new ColumnType.EnumRef(QualifiedName.of("auth", "kind")), false, null)))
                .primaryKey(new PrimaryKey("users_pkey", List.of("id"))).build();
        Table posts = Table.builder(QualifiedName.of("posts"))
                .columns(List.of(new Column("id", ColumnType.Builtin.of(PgType.INTEGER), true, null),
                        new Column("author", ColumnType.Builtin.of(PgType.INTEGER), false, null),
                        new Column("kind", new ColumnType.EnumRef(QualifiedName.of("auth", "kind")), false, null)))
                .foreignKeys(List.of(new ForeignKey("posts_author_fkey", List.of("author"), users.name(), List.of("id"), null, null)))
                .build();
        SchemaModel model = SchemaModel.builder().tables(List.of(users, posts))
                .enums(List.of(new EnumType(QualifiedName.of("auth", "kind"), List.of("a")),
                        new EnumType(QualifiedName.of("auth", "unused"), List.of("b"))))
                .sequences(List.of(Sequence.of(QualifiedName.of("auth", "seq")), Sequence.of(QualifiedName.of("seq"))))
                .build();
        SchemaModel kept = new SchemaFilter(List.of(), List.of("auth")).apply(model);
        assertEquals(List.of(posts), kept.tables());
        assertEquals(List.of(users.name()), kept.externalTables().stream().map(Table::name).toList());
        assertEquals(List.of(QualifiedName.of("auth", "kind")), kept.enums().stream().map(EnumType::name).toList(),
                "an enum a kept column uses stays");
        assertEquals(List.of(QualifiedName.of("seq")), kept.sequences().stream().map(Sequence::name).toList());
    }

    @Test
    void pushAndDriftLeaveOutTheExcludedSchemas() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            db.execute("CREATE SCHEMA legacy; CREATE TABLE legacy.old (id integer); CREATE SEQUENCE legacy.s;"
                    + " CREATE VIEW legacy.v AS SELECT 1 AS one");
            Path folder = Files.createDirectories(dir.resolve("src/app/db"));
            write(folder.resolve("Items.java"), """
                    package app.db;
                    import dev.shale.dsl.Column;
                    import dev.shale.dsl.Table;
                    public final class Items extends Table {
                        public final Column<Integer> id = integer("id").primaryKey();
                        Items() { super("items"); }
                    }
                    """);
            write(folder.resolve("Stale.java"), """
                    package app.db;
                    import dev.shale.dsl.Column;
                    import dev.shale.dsl.Table;
                    public final class Stale extends Table {
                        public final Column<Integer> id = integer("id");
                        Stale() { super("legacy", "stale"); }
                    }
                    """);
            write(folder.resolve("Schema.java"), """
                    package app.db;
                    public final class Schema {
                        public static final Items ITEMS = new Items();
                        public static final Stale STALE = new Stale();
                    }
                    """);
            Project project = Project.at(dir).withSchema(SchemaLocation.sourcePackage(List.of(dir.resolve("src")), "app.db"))
                    .withDatabaseUrl(db.url()).withSchemaFilter(new SchemaFilter(List.of(), List.of("legacy")));
            Pusher.Result pushed = Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE);
            assertFalse(pushed.refused());
            assertFalse(pushed.plan().sql().text().contains("legacy"), pushed.plan().sql().text());
            assertEquals(List.of(), pushed.plan().notManaged(), "the view in legacy is not reported");
            assertEquals(List.of("id"), db.strings("SELECT column_name FROM information_schema.columns WHERE table_schema = 'legacy'"
                    + " AND table_name = 'old'"), "legacy is untouched");
            assertTrue(Pusher.push(project, Pusher.Request.DEFAULT, Questions.NONE).plan().isEmpty());
            Generator.generate(project, Generator.Request.DEFAULT, Questions.NONE);
            DriftCheck.Result drift = DriftCheck.check(project);
            assertEquals(List.of(), drift.differences());
            assertEquals(List.of(), drift.notManaged());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
