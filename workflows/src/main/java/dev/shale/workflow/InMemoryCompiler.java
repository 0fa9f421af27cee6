package dev.shale.workflow;

import dev.shale.workflow.WorkflowException.Reason;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles {@code .java} files in one javac task, keeping the class files in memory, so the user needs
 * no build step before {@code shale generate}. Classes the files refer to are found on the source path
 * (compiled too) or on the class path.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /** The compiled classes, by binary name. */
    record Output(Map<String, byte[]> classes) {}

    /** One compiler error. */
    record Problem(Path file, long line, String message) {}

    /**
     * @param files the files to compile
     * @param sourcePath folders searched for other referenced sources
     * @param classPath folders and jars on the class path
     * @param describe turns a file into how messages show it
     */
    static Output compile(List<Path> files, List<Path> sourcePath, List<Path> classPath,
                          java.util.function.Function<Path, String> describe) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new WorkflowException(Reason.SCHEMA_DOES_NOT_COMPILE, null, "compiling schema sources needs a JDK, but this Java ("
                    + System.getProperty("java.home") + ") has no compiler; run with a JDK 17+, or read compiled classes instead");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        try (MemoryFileManager manager = new MemoryFileManager(standard, out)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcePath);
            List<String> options = List.of("-proc:none", "-g:source,lines", "-nowarn", "-Xlint:none", "-implicit:class",
                    "-encoding", "UTF-8");
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(null, manager, diagnostics, options, null, units).call();
            if (!ok) {
                List<Problem> problems = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
                        problems.add(new Problem(file, d.getLineNumber(), d.getMessage(Locale.ROOT)));
                    }
                }
                throw new WorkflowException(Reason.SCHEMA_DOES_NOT_COMPILE, null, report(problems, describe));
            }
        } catch (IOException e) {
            throw new WorkflowException(Reason.SCHEMA_DOES_NOT_COMPILE, null, "compiling the schema sources failed: " + e.getMessage(), e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return new Output(classes);
    }

    private static String report(List<Problem> problems, java.util.function.Function<Path, String> describe) {
        StringBuilder b = new StringBuilder("the schema code does not compile (" + problems.size()
                + (problems.size() == 1 ? " error" : " errors") + "); fix it and run again:");
        int shown = 0;
        for (Problem p : problems) {
            if (shown++ == 20) {
                b.append("\n  … and ").append(problems.size() - 20).append(" more");
                break;
            }
            String where = p.file() == null ? "" : describe.apply(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": ";
            b.append("\n  ").append(where).append(p.message().strip().replace("\n", "\n    "));
        }
        return b.toString();
    }

    /** The CLI's own class path: what lets schema code resolve {@code dev.shale.dsl}. */
    public static List<Path> ownClassPath() {
        List<Path> out = new ArrayList<>();
        try {
            var source = dev.shale.dsl.Table.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                out.add(Path.of(source.getLocation().toURI()));
            }
        } catch (Exception ignored) {
            // fall back to java.class.path alone
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }

    /** Sends class files to memory; everything else goes to the standard manager. */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;

        MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> out) {
            super(standard);
            this.out = out;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    out.put(className, bytes);
                    return bytes;
                }
            };
        }
    }
}
