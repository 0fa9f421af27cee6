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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compiles {@code .java} files in one javac task, keeping the class files in memory, so the user needs
 * no build step before {@code shale generate}. Classes the files refer to are found on the source path
 * (compiled too), among classes already in memory (what {@link IncrementalCompiler} did not recompile),
 * or on the class path.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /** The options every compile runs with; part of the class cache's key. */
    static final List<String> OPTIONS = List.of("-proc:none", "-g:source,lines", "-nowarn", "-Xlint:none", "-implicit:class",
            "-encoding", "UTF-8");

    /**
     * The compiled classes.
     *
     * @param classes class file bytes by binary name
     * @param sources the source file each class came from, by binary name
     */
    record Output(Map<String, byte[]> classes, Map<String, Path> sources) {}

    /** One compiler error. */
    record Problem(Path file, long line, String message) {}

    /**
     * @param files the files to compile
     * @param sourcePath folders searched for other referenced sources (empty: none)
     * @param classPath folders and jars on the class path
     * @param inMemory compiled classes, by binary name, found before the class path
     * @param describe turns a file into how messages show it
     */
    static Output compile(List<Path> files, List<Path> sourcePath, List<Path> classPath, Map<String, byte[]> inMemory,
                          java.util.function.Function<Path, String> describe) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new WorkflowException(Reason.SCHEMA_DOES_NOT_COMPILE, null, "compiling schema sources needs a JDK, but this Java ("
                    + System.getProperty("java.home") + ") has no compiler; run with a JDK 17+, or read compiled classes instead");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        Map<String, Path> sources = new TreeMap<>();
        try (MemoryFileManager manager = new MemoryFileManager(standard, out, sources, inMemory)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcePath);
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(null, manager, diagnostics, OPTIONS, null, units).call();
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
        return new Output(classes, sources);
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

    /**
     * Sends class files to memory, noting the source each came from, and lists the classes already in memory
     * ahead of the class path; everything else goes to the standard manager.
     */
    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> out;
        private final Map<String, Path> sources;
        private final Map<String, List<JavaFileObject>> inMemoryByPackage = new HashMap<>();

        MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> out, Map<String, Path> sources,
                          Map<String, byte[]> inMemory) {
            super(standard);
            this.out = out;
            this.sources = sources;
            inMemory.forEach((name, bytes) -> {
                int dot = name.lastIndexOf('.');
                inMemoryByPackage.computeIfAbsent(dot < 0 ? "" : name.substring(0, dot), k -> new ArrayList<>())
                        .add(new MemoryClass(name, bytes));
            });
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds,
                                             boolean recurse) throws IOException {
            Iterable<JavaFileObject> listed = super.list(location, packageName, kinds, recurse);
            List<JavaFileObject> mine = inMemoryByPackage.getOrDefault(packageName, List.of());
            if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS) || mine.isEmpty()) {
                return listed;
            }
            List<JavaFileObject> all = new ArrayList<>(mine);
            listed.forEach(all::add);
            return all;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof MemoryClass m ? m.binaryName : super.inferBinaryName(location, file);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            if (sibling != null && "file".equals(sibling.toUri().getScheme())) {
                sources.put(className, Path.of(sibling.toUri()));
            }
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

    /** A class file held in memory, as javac reads it from the class path. */
    private static final class MemoryClass extends SimpleJavaFileObject {
        private final String binaryName;
        private final byte[] bytes;

        MemoryClass(String binaryName, byte[] bytes) {
            super(URI.create("mem:///" + binaryName.replace('.', '/') + JavaFileObject.Kind.CLASS.extension), JavaFileObject.Kind.CLASS);
            this.binaryName = binaryName;
            this.bytes = bytes;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
