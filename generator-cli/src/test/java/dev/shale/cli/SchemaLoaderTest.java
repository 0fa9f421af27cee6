package dev.shale.cli;

import dev.shale.workflow.InMemoryCompiler;
import dev.shale.workflow.Project;
import dev.shale.workflow.WorkflowException;
import dev.shale.workflow.SchemaLoader;
import dev.shale.model.QualifiedName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaLoaderTest {
    @TempDir
    Path dir;

    private Project config(String toml) {
        new TempProject(dir).write("shale.toml", toml);
        return ShaleConfig.load(dir, ShaleConfig.Overrides.NONE, Map.of()).project();
    }

    @Test
    void sourcesOfAPackageAreCompiledInMemory() {
        TempProject.standard(dir);
        SchemaLoader.LoadedSchema s = SchemaLoader.load(config(TempProject.CONFIG));
        assertEquals(List.of("app.db.Posts", "app.db.Schema", "app.db.Users"), s.classes());
        assertNotNull(s.definition().model().table(QualifiedName.of("users")));
        assertNotNull(s.definition().model().table(QualifiedName.of("posts")));
        assertEquals(1, s.definition().model().table(QualifiedName.of("posts")).foreignKeys().size());
        assertTrue(s.compileNanos() > 0);
    }

    @Test
    void holderClassAlone() {
        TempProject.standard(dir);
        SchemaLoader.LoadedSchema s = SchemaLoader.load(config("""
                [schema]
                source = "src"
                class = "app.db.Schema"
                """));
        assertEquals(2, s.definition().model().tables().size());
    }

    @Test
    void compiledClassesOnAClassPath() throws Exception {
        TempProject.standard(dir);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", String.join(File.pathSeparator,
                InMemoryCompiler.ownClassPath().stream().map(Path::toString).toList())));
        for (String f : List.of("Schema", "Users", "Posts")) {
            args.add(dir.resolve("src/app/db/" + f + ".java").toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        SchemaLoader.LoadedSchema s = SchemaLoader.load(config("""
                [schema]
                classpath = "classes"
                package = "app.db"
                """));
        assertEquals(List.of("app.db.Posts", "app.db.Schema", "app.db.Users"), s.classes());
        assertEquals(2, s.definition().model().tables().size());
        assertEquals(0, s.compileNanos());
        assertEquals(0, s.sourceFiles(), "compiled classes are read, never compiled");
        assertTrue(Files.notExists(dir.resolve(SchemaLoader.CLASS_CACHE)), "and no class cache is written");
    }

    @Test
    void emptyPackageIsExplained() {
        TempProject.standard(dir);
        WorkflowException e = assertThrows(WorkflowException.class, () -> SchemaLoader.load(config("""
                [schema]
                source = "src"
                package = "app.nothing"
                """)));
        assertTrue(e.getMessage().contains("no .java file for package app.nothing"), e.getMessage());
        assertEquals(WorkflowException.Reason.SCHEMA_NOT_FOUND, e.reason());
    }
}
