package dev.shale.dsl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A foreign key between columns of different Java types is a compile error, not a runtime one: each
 * case compiles a small schema against schema-dsl's classes, once with matching types (it must
 * compile, so the source itself is sound) and once with a uuid column referencing a bigint one.
 */
class ForeignKeyTypesCompileTest {

    private static final String SOURCE = """
            package demo;

            import dev.shale.dsl.Column;
            import dev.shale.dsl.Table;
            import java.util.UUID;

            public final class Demo {
                static final class Counters extends Table {
                    public final Column<Long> id = bigint("id").primaryKey();
                    public final Column<UUID> uid = uuid("uid").unique();
                    Counters() { super("counters"); }
                }

                static final Counters COUNTERS = new Counters();

                static final class Refs extends Table {
                    public final Column<Long> a = bigint("a");
                    public final Column<UUID> b = uuid("b");
                    public final Column<%s> counterId = %s("counter_id").references(() -> COUNTERS.id);
                    Refs() {
                        super("refs");
                        foreignKey("refs_pair_fkey", a, b).references(() -> COUNTERS.%s, () -> COUNTERS.%s);
                    }
                }
            }
            """;

    @Test
    void matchingTypesCompile(@TempDir Path out) {
        var result = compile(out, SOURCE.formatted("Long", "bigint", "id", "uid"));
        assertTrue(result.ok(), "the well-typed source must compile: " + result.messages());
    }

    @Test
    void uuidColumnReferencingABigintColumnDoesNotCompile(@TempDir Path out) {
        var result = compile(out, SOURCE.formatted("UUID", "uuid", "id", "uid"));
        assertEquals(false, result.ok());
        assertEquals(1, result.errors().size(), result.messages());
        var error = result.errors().get(0);
        assertEquals("compiler.err.prob.found.req", error.getCode(), result.messages());
        assertTrue(error.getMessage(Locale.ENGLISH).contains("incompatible types"), result.messages());
        assertEquals(19, error.getLineNumber(), "the error is on the references(...) line: " + result.messages());
    }

    @Test
    void compositeKeyWithSwappedTypesDoesNotCompile(@TempDir Path out) {
        var result = compile(out, SOURCE.formatted("Long", "bigint", "uid", "id"));
        assertEquals(false, result.ok());
        assertTrue(result.errors().stream().allMatch(d -> d.getLineNumber() == 22), result.messages());
        assertTrue(result.errors().stream().anyMatch(d -> d.getMessage(Locale.ENGLISH).contains("incompatible types")),
                result.messages());
    }

    private record Result(boolean ok, List<Diagnostic<? extends JavaFileObject>> errors) {
        String messages() {
            return errors.stream().map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH)).toList().toString();
        }
    }

    private static Result compile(Path out, String source) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "tests need a JDK, not a JRE");
        String dslClasses = Path.of(URI.create(Table.class.getProtectionDomain().getCodeSource().getLocation().toString())).toString();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var file = new SimpleJavaFileObject(URI.create("string:///demo/Demo.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean ok = compiler.getTask(null, null, diagnostics,
                List.of("-classpath", dslClasses, "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
        var errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        return new Result(ok, List.copyOf(errors));
    }
}
