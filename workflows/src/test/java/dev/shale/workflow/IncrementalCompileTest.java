package dev.shale.workflow;

import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading schema sources twice compiles, the second time, only the files that changed and the files whose
 * classes name theirs; whatever it reuses, the model is the one a compile of everything builds.
 */
class IncrementalCompileTest {
    private static final int TABLES = 101; // with Schema and Names: 103 files
    private static final int FILES = TABLES + 2;

    @TempDir
    Path dir;

    @Test
    void editingOneTableCompilesItAndTheFilesThatNameIt() throws IOException {
        writeProject(dir);
        SchemaLoader.LoadedSchema first = load(dir);
        assertEquals(FILES, first.compiledFiles());
        assertEquals(FILES, first.sourceFiles());

        SchemaLoader.LoadedSchema again = load(dir);
        assertEquals(List.of(), again.compiled(), "nothing changed, nothing compiled");
        assertEquals(FILES, again.cachedFiles());
        assertEquals(first.definition().model(), again.definition().model());

        Files.writeString(tableFile(dir, 50), table(50, true));
        SchemaLoader.LoadedSchema edited = load(dir);
        // Tbl050 changed; Schema holds a Tbl050, and Tbl051's foreign key reads Schema.TBL_050.id
        assertEquals(List.of(file(dir, "Schema"), tableFile(dir, 50), tableFile(dir, 51)), edited.compiled());
        assertEquals(FILES - 3, edited.cachedFiles());
        assertEquals(fresh(dir), edited.definition().model());
        assertTrue(edited.definition().model().tables().stream()
                .anyMatch(t -> t.name().name().equals("app_tbl_050") && t.columns().stream().anyMatch(c -> c.name().equals("notes"))));

        assertEquals(List.of(), load(dir).compiled(), "the edit is cached too");
    }

    @Test
    void aChangedConstantCompilesEverything() throws IOException {
        writeProject(dir);
        load(dir);
        // every table's name is Names.PREFIX + …, which javac copies into the table; it names Names too when the
        // constant is used in code, but not when it is used in an annotation value: a changed constant compiles everything
        Files.writeString(file(dir, "Names"), names("shop_"));
        SchemaLoader.LoadedSchema changed = load(dir);
        assertEquals(FILES, changed.compiledFiles());
        assertEquals(fresh(dir), changed.definition().model());
        assertTrue(changed.definition().model().tables().stream().allMatch(t -> t.name().name().startsWith("shop_")));
    }

    @Test
    void aDeletedTableDropsItsClasses() throws IOException {
        writeProject(dir);
        load(dir);
        int last = TABLES - 1;
        Files.delete(tableFile(dir, last));
        Files.writeString(file(dir, "Schema"), schema(TABLES - 1));
        SchemaLoader.LoadedSchema after = load(dir);
        // Schema changed, so every table whose foreign key reads a field of it is compiled again: all but Tbl000
        assertEquals(Stream.concat(Stream.of(file(dir, "Schema")), IntStream.range(1, last).mapToObj(i -> tableFile(dir, i))).toList(),
                after.compiled());
        assertEquals(FILES - 1, after.sourceFiles());
        assertFalse(after.classes().contains("app.db." + className(last)));
        assertEquals(fresh(dir), after.definition().model());
        assertFalse(Files.readString(dir.resolve(ClassCache.FOLDER).resolve("index")).contains(className(last)));
    }

    @Test
    void aDeletedTableStillNamedIsACompileErrorAboutTheFileThatNamesIt() throws IOException {
        writeProject(dir);
        load(dir);
        Files.delete(tableFile(dir, 10)); // Schema still names it
        WorkflowException e = assertThrows(WorkflowException.class, () -> load(dir));
        assertEquals(WorkflowException.Reason.SCHEMA_DOES_NOT_COMPILE, e.reason());
        assertTrue(e.getMessage().contains("src/app/db/Schema.java:14: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("class Tbl010"), e.getMessage());
        Files.writeString(tableFile(dir, 10), table(10, false));
        assertEquals(List.of(), load(dir).compiled(), "the failed run left the cache as it was");
    }

    @Test
    void aRenamedTableLeavesNoClassOfTheOldName() throws IOException {
        writeProject(dir);
        load(dir);
        int last = TABLES - 1;
        Files.delete(tableFile(dir, last));
        Files.writeString(file(dir, "Last"), table(last, false).replace(className(last), "Last"));
        Files.writeString(file(dir, "Schema"), schema(TABLES).replace(className(last), "Last"));
        SchemaLoader.LoadedSchema after = load(dir);
        assertEquals(Stream.concat(Stream.of(file(dir, "Last"), file(dir, "Schema")), IntStream.range(1, last).mapToObj(i -> tableFile(dir, i)))
                .toList(), after.compiled());
        assertFalse(after.classes().contains("app.db." + className(last)));
        assertTrue(after.classes().contains("app.db.Last"));
        assertEquals(fresh(dir), after.definition().model());
    }

    @Test
    void aCorruptCacheCompilesEverything() throws IOException {
        writeProject(dir);
        load(dir);
        Path objects = dir.resolve(ClassCache.FOLDER).resolve("objects");
        Path one;
        try (Stream<Path> s = Files.list(objects)) {
            one = s.filter(p -> p.toString().endsWith(".class")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(one);
        Files.write(one, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a half-written class
        SchemaLoader.LoadedSchema afterTruncation = load(dir);
        assertEquals(FILES, afterTruncation.compiledFiles());
        assertEquals(fresh(dir), afterTruncation.definition().model());

        Path index = dir.resolve(ClassCache.FOLDER).resolve("index");
        String text = Files.readString(index);
        Files.writeString(index, text.substring(0, text.length() / 2)); // an index cut short
        SchemaLoader.LoadedSchema afterCut = load(dir);
        assertEquals(FILES, afterCut.compiledFiles());
        assertEquals(fresh(dir), afterCut.definition().model());

        Files.writeString(index, "garbage\n");
        assertEquals(FILES, load(dir).compiledFiles());
        assertEquals(List.of(), load(dir).compiled(), "the rewritten cache is used again");
    }

    @Test
    void theCacheIgnoresItselfAndSurvivesACopyOfTheProject() throws IOException {
        writeProject(dir);
        load(dir);
        assertEquals("*", Files.readAllLines(dir.resolve(ClassCache.FOLDER).resolve(".gitignore")).get(1));
        Path copy = dir.resolve("copy");
        copyTree(dir.resolve("src"), copy.resolve("src"));
        copyTree(dir.resolve(".shale"), copy.resolve(".shale"));
        assertEquals(List.of(), load(copy).compiled(), "paths in the index are relative to the project");
    }

    @Test
    void aNewClassThatShadowsAnImportedOneCompilesEverything() throws IOException {
        Files.createDirectories(dir.resolve("src/other"));
        Files.createDirectories(dir.resolve("src/app/db"));
        Files.writeString(dir.resolve("src/other/Prefix.java"),
                "package other;\n\npublic final class Prefix {\n    public static String of(String s) {\n        return \"x_\" + s;\n    }\n}\n");
        Files.writeString(file(dir, "Things"), """
                package app.db;

                import dev.shale.dsl.Column;
                import dev.shale.dsl.Table;
                import other.*;

                public final class Things extends Table {
                    public final Column<String> name = text("name").primaryKey();

                    Things() {
                        super(Prefix.of("things"));
                    }
                }
                """);
        Files.writeString(file(dir, "Schema"), "package app.db;\n\npublic final class Schema {\n    public static final Things THINGS = new Things();\n}\n");
        assertEquals(List.of(file(dir, "Schema"), file(dir, "Things"), dir.resolve("src/other/Prefix.java")), load(dir).compiled(),
                "other.Prefix is found on the source path and compiled too");
        // a class of the same package wins over an import on demand: Things now means app.db.Prefix
        Files.writeString(file(dir, "Prefix"),
                "package app.db;\n\nfinal class Prefix {\n    static String of(String s) {\n        return \"y_\" + s;\n    }\n}\n");
        SchemaLoader.LoadedSchema after = load(dir);
        assertEquals(after.sourceFiles(), after.compiledFiles());
        assertEquals("y_things", after.definition().model().tables().get(0).name().name());
        assertEquals(fresh(dir), after.definition().model());
    }

    private static SchemaLoader.LoadedSchema load(Path root) {
        return SchemaLoader.load(Project.at(root).withSchema(SchemaLocation.sourcePackage(List.of(root.resolve("src")), "app.db")));
    }

    /** The model a compile of everything builds, from a copy of the sources with no cache. */
    private SchemaModel fresh(Path root) throws IOException {
        Path copy = Files.createTempDirectory(dir, "fresh");
        copyTree(root.resolve("src"), copy.resolve("src"));
        SchemaLoader.LoadedSchema loaded = load(copy);
        assertEquals(loaded.sourceFiles(), loaded.compiledFiles());
        return loaded.definition().model();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = s.sorted(Comparator.naturalOrder()).toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }

    private static void writeProject(Path root) throws IOException {
        Files.createDirectories(root.resolve("src/app/db"));
        Files.writeString(file(root, "Names"), names("app_"));
        Files.writeString(file(root, "Schema"), schema(TABLES));
        for (int i = 0; i < TABLES; i++) {
            Files.writeString(tableFile(root, i), table(i, false));
        }
    }

    private static Path file(Path root, String className) {
        return root.resolve("src/app/db/" + className + ".java");
    }

    private static Path tableFile(Path root, int i) {
        return file(root, className(i));
    }

    private static String className(int i) {
        return String.format("Tbl%03d", i);
    }

    private static String constant(int i) {
        return String.format("TBL_%03d", i);
    }

    private static String names(String prefix) {
        return "package app.db;\n\nfinal class Names {\n    static final String PREFIX = \"" + prefix + "\";\n\n    private Names() {}\n}\n";
    }

    private static String schema(int tables) {
        StringBuilder b = new StringBuilder("package app.db;\n\npublic final class Schema {\n");
        for (int i = 0; i < tables; i++) {
            b.append("    public static final ").append(className(i)).append(' ').append(constant(i)).append(" = new ")
                    .append(className(i)).append("();\n");
        }
        return b.append("\n    private Schema() {}\n}\n").toString();
    }

    private static String table(int i, boolean notes) {
        List<String> lines = new ArrayList<>();
        lines.add("package app.db;");
        lines.add("");
        lines.add("import dev.shale.dsl.Column;");
        lines.add("import dev.shale.dsl.Table;");
        lines.add("import java.util.UUID;");
        lines.add("");
        lines.add("public final class " + className(i) + " extends Table {");
        lines.add("    public final Column<UUID> id = uuid(\"id\").primaryKey();");
        lines.add("    public final Column<String> name = text(\"name\").notNull();");
        if (i > 0) {
            lines.add("    public final Column<UUID> parentId = uuid(\"parent_id\").references(() -> Schema." + constant(i - 1) + ".id);");
        }
        if (notes) {
            lines.add("    public final Column<String> notes = text(\"notes\");");
        }
        lines.add("");
        lines.add("    " + className(i) + "() {");
        lines.add("        super(Names.PREFIX + \"" + String.format("tbl_%03d", i) + "\");");
        lines.add("    }");
        lines.add("}");
        return String.join("\n", lines) + "\n";
    }
}
