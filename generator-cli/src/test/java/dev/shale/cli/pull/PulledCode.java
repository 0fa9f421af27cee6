package dev.shale.cli.pull;

import dev.shale.dsl.SchemaBuilder;
import dev.shale.model.SchemaModel;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test helper: compiles pulled sources with javac and loads them back into a model through the DSL. */
final class PulledCode {
    private PulledCode() {}

    /** Writes {@code sources} under {@code dir}, compiles them, and builds the schema from every class. */
    static SchemaModel load(Map<String, String> sources, String packageName, Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<Path> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path f = src.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            files.add(f);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-Xlint:all", "-Werror", "-Xlint:-unchecked", "-Xlint:-serial",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("pulled code does not compile:\n");
                diagnostics.getDiagnostics().forEach(d -> sb.append(d).append('\n'));
                sources.forEach((k, v) -> sb.append("---- ").append(k).append('\n').append(v));
                throw new AssertionError(sb.toString());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, PulledCode.class.getClassLoader())) {
            List<Class<?>> classes = new ArrayList<>();
            for (String path : sources.keySet()) {
                String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
                classes.add(Class.forName(name, true, loader));
            }
            return SchemaBuilder.fromClasses(classes).model();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
