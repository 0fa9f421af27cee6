package dev.shale.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compiles schema sources, recompiling only what changed since the classes in a {@link ClassCache} were
 * compiled, the way Gradle's incremental Java compile decides it: the changed files, plus every file
 * whose classes name, in their constant pools, a class of a changed file or a subclass of one. A full
 * compile happens instead when the cache is missing, unreadable or from other options, another JDK or
 * another class path; when a changed class declares compile-time constants (javac copies them into their
 * users, whose constant pools need not name the owner); when a new class could shadow a name another
 * class resolved elsewhere; and when the partial compile fails or leaves anything unexplained.
 */
final class IncrementalCompiler {
    private IncrementalCompiler() {}

    /**
     * The classes of every source, and how many source files this run compiled.
     *
     * @param classes class file bytes by binary name
     * @param compiled the source files javac compiled this run, sorted
     * @param totalFiles the source files the classes come from
     */
    record Result(Map<String, byte[]> classes, List<Path> compiled, int totalFiles) {
        Result {
            compiled = compiled.stream().sorted().toList();
        }

        int compiledFiles() {
            return compiled.size();
        }
    }

    /** What to compile, against what, and where the cache is. */
    record Request(List<Path> files, List<Path> sourcePath, List<Path> classPath, Path cacheDir, Path root,
                   List<String> keyParts, Function<Path, String> describe) {}

    /** Compiles what changed, using and then updating the cache; {@code cacheDir} null compiles everything, caching nothing. */
    static Result compile(Request request) {
        ClassCache cache = request.cacheDir() == null ? null : new ClassCache(request.cacheDir(), request.root());
        String key = key(request);
        if (cache != null) {
            Optional<Map<Path, ClassCache.Entry>> cached = cache.read(key);
            if (cached.isPresent()) {
                Incremental attempt = incremental(request, cached.get());
                if (attempt != null) {
                    if (attempt.compiledFiles() > 0) {
                        cache.write(key, attempt.entries());
                    }
                    return attempt.result();
                }
            }
        }
        return full(request, cache, key);
    }

    /** Compiles every file, ignoring what the cache holds, and caches the result: what a failure of cached classes is checked against. */
    static Result compileAll(Request request) {
        return full(request, request.cacheDir() == null ? null : new ClassCache(request.cacheDir(), request.root()), key(request));
    }

    private static Result full(Request request, ClassCache cache, String key) {
        Map<Path, String> before = hashes(request.files());
        InMemoryCompiler.Output out = InMemoryCompiler.compile(request.files(), request.sourcePath(), request.classPath(), Map.of(),
                request.describe());
        Map<Path, ClassCache.Entry> entries = entries(out, before);
        if (cache != null && entries != null) {
            cache.write(key, entries);
        }
        Set<Path> compiled = new HashSet<>(request.files());
        compiled.addAll(out.sources().values()); // with what javac found on the source path
        return new Result(out.classes(), List.copyOf(compiled), compiled.size());
    }

    /** The run's entries per source, or null when a class has no known source (then nothing is cached). */
    private static Map<Path, ClassCache.Entry> entries(InMemoryCompiler.Output out, Map<Path, String> hashesBefore) {
        if (!out.sources().keySet().equals(out.classes().keySet())) {
            return null;
        }
        Map<Path, Map<String, byte[]>> bySource = new HashMap<>();
        out.classes().forEach((name, bytes) -> bySource.computeIfAbsent(out.sources().get(name), k -> new HashMap<>()).put(name, bytes));
        Set<Path> all = new HashSet<>(hashesBefore.keySet());
        all.addAll(bySource.keySet());
        Map<Path, String> before = new HashMap<>(hashesBefore);
        for (Path p : all) {
            before.computeIfAbsent(p, IncrementalCompiler::hashOrNull); // implicitly compiled: read now
        }
        Map<Path, String> after = hashes(List.copyOf(all));
        Map<Path, ClassCache.Entry> entries = new HashMap<>();
        for (Path p : all) {
            String hash = before.get(p);
            if (hash != null && hash.equals(after.get(p))) { // edited during the compile: left out, so compiled next time
                entries.put(p, new ClassCache.Entry(hash, bySource.getOrDefault(p, Map.of())));
            }
        }
        return entries;
    }

    private record Incremental(Result result, Map<Path, ClassCache.Entry> entries) {
        int compiledFiles() {
            return result.compiledFiles();
        }
    }

    /** Compiles the changed files and their dependents against the cached rest; null when only a full compile is safe. */
    private static Incremental incremental(Request request, Map<Path, ClassCache.Entry> cached) {
        Set<Path> tracked = new TreeSet<>(cached.keySet());
        tracked.addAll(request.files());
        Map<Path, String> hashes = hashes(List.copyOf(tracked));
        Set<Path> changed = new TreeSet<>();
        Set<Path> deleted = new TreeSet<>();
        for (Path p : tracked) {
            ClassCache.Entry entry = cached.get(p);
            String now = hashes.get(p);
            if (now == null) {
                if (request.files().contains(p)) {
                    return null; // listed but unreadable: let the compile say so
                }
                deleted.add(p);
            } else if (entry == null || !entry.hash().equals(now)) {
                changed.add(p);
            }
        }
        Map<String, byte[]> allClasses = new HashMap<>();
        Map<String, Path> owner = new HashMap<>();
        cached.forEach((source, entry) -> entry.classes().forEach((name, bytes) -> {
            allClasses.put(name, bytes);
            owner.put(name, source);
        }));
        if (changed.isEmpty() && deleted.isEmpty()) {
            return new Incremental(new Result(allClasses, List.of(), cached.size()), cached);
        }
        Map<String, ClassFacts> facts = new HashMap<>();
        try {
            allClasses.forEach((name, bytes) -> facts.put(name, ClassFacts.read(bytes)));
        } catch (IllegalArgumentException e) {
            return null;
        }
        Set<String> changedClasses = new HashSet<>();
        for (String name : allClasses.keySet()) {
            if (changed.contains(owner.get(name)) || deleted.contains(owner.get(name))) {
                if (facts.get(name).declaresConstants()) {
                    return null; // its users hold copies of its constants, and may not name it
                }
                changedClasses.add(name);
            }
        }
        Set<String> affected = withSubtypes(changedClasses, facts);
        Set<Path> recompile = new TreeSet<>(changed);
        facts.forEach((name, f) -> {
            Path source = owner.get(name);
            if (!changed.contains(source) && !deleted.contains(source) && f.references().stream().anyMatch(affected::contains)) {
                recompile.add(source);
            }
        });
        Map<String, byte[]> kept = new HashMap<>();
        allClasses.forEach((name, bytes) -> {
            if (!recompile.contains(owner.get(name)) && !deleted.contains(owner.get(name))) {
                kept.put(name, bytes);
            }
        });
        InMemoryCompiler.Output out;
        try {
            out = InMemoryCompiler.compile(List.copyOf(recompile), List.of(), request.classPath(), kept, request.describe());
        } catch (WorkflowException e) {
            return null; // the full compile reports the errors, against every source
        }
        if (!out.sources().keySet().equals(out.classes().keySet()) || !recompile.containsAll(out.sources().values())) {
            return null;
        }
        Set<String> keptSimpleNames = new HashSet<>();
        kept.keySet().forEach(name -> facts.get(name).references().forEach(r -> keptSimpleNames.add(simpleName(r))));
        for (Map.Entry<String, byte[]> e : out.classes().entrySet()) {
            ClassFacts fresh;
            try {
                fresh = ClassFacts.read(e.getValue());
            } catch (IllegalArgumentException bad) {
                return null;
            }
            if (fresh.declaresConstants() && changed.contains(out.sources().get(e.getKey()))) {
                return null; // a new constant: someone may hold a copy of an old value of a field now moved
            }
            if (!allClasses.containsKey(e.getKey()) && keptSimpleNames.contains(simpleName(e.getKey()))) {
                return null; // a new class may shadow one a kept class resolved by the same simple name
            }
        }
        Map<String, byte[]> merged = new TreeMap<>(kept);
        merged.putAll(out.classes());
        Map<Path, ClassCache.Entry> entries = new HashMap<>(cached);
        deleted.forEach(entries::remove);
        recompile.forEach(entries::remove);
        Map<Path, Map<String, byte[]>> bySource = new HashMap<>();
        out.classes().forEach((name, bytes) -> bySource.computeIfAbsent(out.sources().get(name), k -> new HashMap<>()).put(name, bytes));
        Map<Path, String> after = hashes(List.copyOf(recompile));
        for (Path p : recompile) {
            if (hashes.get(p) != null && hashes.get(p).equals(after.get(p))) {
                entries.put(p, new ClassCache.Entry(hashes.get(p), bySource.getOrDefault(p, Map.of())));
            }
        }
        int total = (int) Stream.concat(entries.keySet().stream(), recompile.stream()).distinct().count();
        return new Incremental(new Result(merged, List.copyOf(recompile), total), entries);
    }

    /** {@code classes} and every class whose superclass or an interface is, directly or not, one of them. */
    private static Set<String> withSubtypes(Set<String> classes, Map<String, ClassFacts> facts) {
        Map<String, List<String>> subtypes = new HashMap<>();
        facts.forEach((name, f) -> f.supertypes().forEach(s -> subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(name)));
        Set<String> out = new HashSet<>(classes);
        Deque<String> todo = new ArrayDeque<>(classes);
        while (!todo.isEmpty()) {
            for (String sub : subtypes.getOrDefault(todo.pop(), List.of())) {
                if (out.add(sub)) {
                    todo.push(sub);
                }
            }
        }
        return out;
    }

    private static String simpleName(String binaryName) {
        int cut = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$'));
        return binaryName.substring(cut + 1);
    }

    /** What the cached classes depend on besides their sources: options, the JDK, the source folders, the class path. */
    private static String key(Request request) {
        MessageDigest d = ClassCache.digest();
        List<String> parts = new ArrayList<>(request.keyParts());
        parts.add("options " + InMemoryCompiler.OPTIONS);
        parts.add("java " + Runtime.version() + " " + System.getProperty("java.vendor"));
        request.sourcePath().forEach(p -> parts.add("source " + relative(request.root(), p)));
        for (Path p : request.classPath()) {
            parts.add("classpath " + p.toAbsolutePath().normalize());
            fingerprint(p, parts);
        }
        parts.forEach(part -> d.update((part + "\n").getBytes(StandardCharsets.UTF_8)));
        return java.util.HexFormat.of().formatHex(d.digest());
    }

    private static String relative(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    /** Size and modification time of a jar, or of every file of a folder. */
    private static void fingerprint(Path entry, List<String> parts) {
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> parts.add(stamp(entry.relativize(f), f)));
                }
            } else if (Files.exists(entry)) {
                parts.add(stamp(entry.getFileName(), entry));
            } else {
                parts.add("missing");
            }
        } catch (IOException | RuntimeException e) {
            parts.add("unreadable " + java.util.UUID.randomUUID()); // never matches: compile everything
        }
    }

    private static String stamp(Path name, Path file) {
        try {
            return "  " + name + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "  " + name + " unreadable " + java.util.UUID.randomUUID();
        }
    }

    private static Map<Path, String> hashes(List<Path> files) {
        Map<Path, String> out = new HashMap<>();
        for (Path p : files) {
            String h = hashOrNull(p);
            if (h != null) {
                out.put(p, h);
            }
        }
        return out;
    }

    private static String hashOrNull(Path file) {
        try {
            return ClassCache.sha256(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
