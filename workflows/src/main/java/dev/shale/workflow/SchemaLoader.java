package dev.shale.workflow;

import dev.shale.workflow.WorkflowException.Reason;
import dev.shale.dsl.SchemaBuilder;
import dev.shale.dsl.SchemaDefinition;
import dev.shale.dsl.SchemaDefinitionException;
import dev.shale.dsl.SourceLocation;
import dev.shale.model.InvalidModelException;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the schema a project declares: compiles its {@code .java} sources in memory (or reads compiled
 * classes from a class path), collects the classes of the configured package or the holder class, and
 * builds them with {@link SchemaBuilder#fromClasses}. Every failure becomes one {@link WorkflowException}
 * naming the file and line.
 */
public final class SchemaLoader {
    private SchemaLoader() {}

    /**
     * The loaded schema and what it took.
     *
     * @param definition the model and rename hints
     * @param classes the classes read, sorted
     * @param compileNanos time spent compiling sources, or reading them from the class cache (0 for compiled classes)
     * @param compiled the source files compiled this time, sorted (none for compiled classes, or when all came from the cache)
     * @param sourceFiles the source files the classes came from, compiled now or read from the cache
     */
    public record LoadedSchema(SchemaDefinition definition, List<String> classes, long compileNanos, List<Path> compiled,
                               int sourceFiles) {
        public LoadedSchema {
            classes = List.copyOf(classes);
            compiled = List.copyOf(compiled);
        }

        /** A schema read from compiled classes. */
        public LoadedSchema(SchemaDefinition definition, List<String> classes, long compileNanos) {
            this(definition, classes, compileNanos, List.of(), 0);
        }

        /** How many source files were compiled this time. */
        public int compiledFiles() {
            return compiled.size();
        }

        /** The source files whose classes came from the class cache. */
        public int cachedFiles() {
            return sourceFiles - compiled.size();
        }
    }

    /**
     * Where, under the project root, compiled schema classes are cached between runs; it holds its own
     * {@code .gitignore}, so it is never committed.
     */
    public static final String CLASS_CACHE = ClassCache.FOLDER;

    /** Loads the schema the project points at. */
    public static LoadedSchema load(Project config) {
        SchemaLocation schema = config.schema();
        if (!schema.isComplete()) {
            throw new WorkflowException(Reason.NOT_CONFIGURED, "schema", "the project does not say where its schema code is:"
                    + " it needs source folders or a class path, and a package or a holder class");
        }
        List<Path> sourceFiles = schema.sources().isEmpty() ? List.of() : sourceFiles(config);
        ClassLoader parent = classPathLoader(config);
        if (sourceFiles.isEmpty()) {
            List<String> names = schema.schemaClass() != null ? List.of(schema.schemaClass()) : scanClassPath(config);
            return build(config, names, parent, sourceFiles, 0, List.of(), 0);
        }
        List<Path> classPath = new ArrayList<>(schema.classpath());
        classPath.addAll(InMemoryCompiler.ownClassPath());
        IncrementalCompiler.Request request = new IncrementalCompiler.Request(sourceFiles, schema.sources(), classPath,
                config.root().resolve(ClassCache.FOLDER), config.root(),
                List.of("package " + schema.schemaPackage(), "class " + schema.schemaClass()), config::show);
        long start = System.nanoTime();
        IncrementalCompiler.Result out = IncrementalCompiler.compile(request);
        try {
            return fromCompiled(config, parent, sourceFiles, out, System.nanoTime() - start);
        } catch (WorkflowException | LinkageError e) {
            if (out.compiledFiles() == out.totalFiles()) {
                throw e;
            }
            // some classes came from the cache: only a compile of everything says whether the schema is really wrong
            out = IncrementalCompiler.compileAll(request);
            return fromCompiled(config, parent, sourceFiles, out, System.nanoTime() - start);
        }
    }

    private static LoadedSchema fromCompiled(Project config, ClassLoader parent, List<Path> sourceFiles,
                                             IncrementalCompiler.Result out, long compileNanos) {
        SchemaLocation schema = config.schema();
        ClassLoader loader = new MemoryClassLoader(out.classes(), parent);
        List<String> names = schema.schemaClass() != null ? List.of(schema.schemaClass())
                : out.classes().keySet().stream().filter(n -> inPackage(n, schema.schemaPackage())).sorted().toList();
        return build(config, names, loader, sourceFiles, Math.max(compileNanos, 1), out.compiled(), out.totalFiles());
    }

    private static LoadedSchema build(Project config, List<String> names, ClassLoader loader, List<Path> sourceFiles,
                                      long compileNanos, List<Path> compiled, int totalFiles) {
        SchemaLocation schema = config.schema();
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new WorkflowException(Reason.SCHEMA_CLASS_NOT_LOADED, name, "schema class " + name + " could not be loaded ("
                        + e + "); check the schema's class name and class path, and that the class is compiled", e);
            }
        }
        if (classes.isEmpty()) {
            throw new WorkflowException(Reason.SCHEMA_CLASS_NOT_LOADED, schema.schemaPackage(), "no classes found in package "
                    + schema.schemaPackage() + " under " + config.describeSchemaPlaces());
        }
        try {
            SchemaDefinition definition = SchemaBuilder.fromClasses(classes);
            return new LoadedSchema(definition, names, compileNanos, compiled, totalFiles);
        } catch (SchemaDefinitionException e) {
            throw new WorkflowException(Reason.SCHEMA_INVALID, where(e.location(), sourceFiles, config),
                    where(e.location(), sourceFiles, config) + ": " + e.reason(), e);
        } catch (InvalidModelException e) {
            throw new WorkflowException(Reason.SCHEMA_INVALID, null, "the schema is invalid: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new WorkflowException(Reason.SCHEMA_CLASS_NOT_LOADED, null, "loading the schema classes failed: " + e
                    + "; the schema code may need a class that is not on the schema's class path", e);
        }
    }

    private static List<Path> sourceFiles(Project config) {
        SchemaLocation schema = config.schema();
        TreeSet<Path> files = new TreeSet<>();
        if (schema.schemaClass() != null) {
            String[] parts = schema.schemaClass().split("\\.");
            // the holder may be a nested class (com.x.Db.Schema): try the longest prefix that is a file
            for (int n = parts.length; n > 0 && files.isEmpty(); n--) {
                String rel = String.join("/", java.util.Arrays.copyOf(parts, n)) + ".java";
                for (Path root : schema.sources()) {
                    if (Files.isRegularFile(root.resolve(rel))) {
                        files.add(root.resolve(rel));
                        break;
                    }
                }
            }
        } else {
            for (Path root : schema.sources()) {
                Path dir = root.resolve(schema.schemaPackage().replace('.', '/'));
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> s = Files.list(dir)) {
                        s.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p)).forEach(files::add);
                    } catch (IOException e) {
                        throw new WorkflowException(Reason.IO, dir.toString(), "could not list " + dir + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        if (files.isEmpty() && schema.classpath().isEmpty()) {
            String what = schema.schemaClass() != null ? "class " + schema.schemaClass() : "package " + schema.schemaPackage();
            throw new WorkflowException(Reason.SCHEMA_NOT_FOUND, what, "no .java file for " + what + " under "
                    + config.describeSchemaPlaces());
        }
        return List.copyOf(files);
    }

    private static boolean inPackage(String binaryName, String pkg) {
        int dot = binaryName.lastIndexOf('.');
        return (dot < 0 ? "" : binaryName.substring(0, dot)).equals(pkg);
    }

    private static ClassLoader classPathLoader(Project config) {
        SchemaLocation schema = config.schema();
        ClassLoader cli = SchemaLoader.class.getClassLoader();
        if (schema.classpath().isEmpty()) {
            return cli;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : schema.classpath()) {
            if (!Files.exists(p)) {
                throw new WorkflowException(Reason.SCHEMA_NOT_FOUND, config.show(p), "the schema's class path entry "
                        + config.show(p) + " does not exist; build the classes first, or fix the path");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new WorkflowException(Reason.SCHEMA_NOT_FOUND, p.toString(), "the schema's class path entry " + p
                        + " is not a valid path: " + e.getMessage(), e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), cli);
    }

    private static List<String> scanClassPath(Project config) {
        SchemaLocation schema = config.schema();
        String dir = schema.schemaPackage().replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        for (Path entry : schema.classpath()) {
            if (Files.isDirectory(entry)) {
                Path pkgDir = entry.resolve(dir);
                if (Files.isDirectory(pkgDir)) {
                    try (Stream<Path> s = Files.list(pkgDir)) {
                        s.map(p -> p.getFileName().toString()).filter(SchemaLoader::isClassFile)
                                .forEach(f -> names.add(schema.schemaPackage() + "." + f.substring(0, f.length() - 6)));
                    } catch (IOException e) {
                        throw new WorkflowException(Reason.IO, pkgDir.toString(), "could not list " + pkgDir + ": " + e.getMessage(), e);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                            .map(n -> n.substring(dir.length() + 1)).filter(SchemaLoader::isClassFile)
                            .forEach(f -> names.add(schema.schemaPackage() + "." + f.substring(0, f.length() - 6)));
                } catch (IOException e) {
                    throw new WorkflowException(Reason.IO, config.show(entry), "could not read the jar " + config.show(entry) + ": "
                            + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(names);
    }

    private static boolean isClassFile(String fileName) {
        return fileName.endsWith(".class") && !fileName.equals("package-info.class") && !fileName.equals("module-info.class");
    }

    /** A source location with the file as a path from the project root when it can be found. */
    private static String where(SourceLocation location, List<Path> sourceFiles, Project config) {
        List<Path> matches = sourceFiles.stream().filter(p -> p.getFileName().toString().equals(location.file())).toList();
        String file = matches.size() == 1 ? config.show(matches.get(0)) : location.file();
        return location.line() > 0 ? file + ":" + location.line() : file;
    }

    /** Defines classes from bytes compiled in memory. */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("shale-schema", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
