import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the cost of loading a synthetic schema: compiling its sources with the JDK compiler API in a
 * fresh JVM (as {@code shale generate} does when it compiles the schema in memory), then loading the
 * classes and building the model with {@code SchemaBuilder.fromClasses}. JVM start-up is not counted.
 *
 * <pre>
 * java -cp schema-dsl/target/classes benchmarks/CompileTime.java &lt;projectDir&gt;
 * </pre>
 *
 * Prints one line: {@code compile_s=… build_s=… files=…}.
 */
public final class CompileTime {
    private CompileTime() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp schema-dsl/target/classes benchmarks/CompileTime.java <projectDir>");
            System.exit(2);
        }
        Path sources = Path.of(args[0], "src/main/java");
        List<Path> files;
        try (var walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Path out = Files.createTempDirectory("shale-bench-classes");
        try {
            long t0 = System.nanoTime();
            compile(files, out);
            long t1 = System.nanoTime();
            Object definition = build(out);
            long t2 = System.nanoTime();
            if (definition == null) {
                throw new IllegalStateException("SchemaBuilder returned nothing");
            }
            System.out.printf("compile_s=%.2f build_s=%.2f files=%d%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, files.size());
        } finally {
            deleteTree(out);
        }
    }

    private static void compile(List<Path> files, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("-proc:none", "-g:source,lines", "-nowarn", "-Xlint:none", "-implicit:class",
                    "-encoding", "UTF-8", "-d", out.toString(),
                    "-cp", System.getProperty("java.class.path"));
            boolean ok = javac.getTask(errors, fm, null, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("compiling the schema failed:\n" + errors);
            }
        }
    }

    private static Object build(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompileTime.class.getClassLoader())) {
            Class<?> builder = Class.forName("dev.shale.dsl.SchemaBuilder", true, loader);
            Method fromClasses = builder.getMethod("fromClasses", Collection.class);
            List<Class<?>> holders = List.of(Class.forName("bench.db.Enums", true, loader),
                    Class.forName("bench.db.Schema", true, loader));
            return fromClasses.invoke(null, holders);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
