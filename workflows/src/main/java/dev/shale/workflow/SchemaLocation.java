package dev.shale.workflow;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a project's schema code is: {@code .java} sources compiled in memory, or compiled classes on a
 * class path (or both: sources that need the classes), read by package or through one holder class.
 *
 * @param sources folders of {@code .java} sources to compile in memory
 * @param classpath folders or jars of compiled schema classes (and what the sources need)
 * @param schemaPackage the package whose classes declare the schema, or null
 * @param schemaClass the holder class whose static fields declare the schema, or null
 */
public record SchemaLocation(List<Path> sources, List<Path> classpath, String schemaPackage, String schemaClass) {
    /** No schema code: for the workflows that only talk to the database. */
    public static final SchemaLocation NONE = new SchemaLocation(List.of(), List.of(), null, null);

    public SchemaLocation {
        sources = sources.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        classpath = classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (schemaPackage != null && schemaClass != null) {
            throw new IllegalArgumentException("a schema is read by package (" + schemaPackage + ") or by holder class ("
                    + schemaClass + "), not both");
        }
    }

    /** Compiled classes of a package (the Maven plugin's case: no second compile). */
    public static SchemaLocation compiledPackage(List<Path> classpath, String schemaPackage) {
        return new SchemaLocation(List.of(), classpath, schemaPackage, null);
    }

    /** Sources of a package, compiled in memory. */
    public static SchemaLocation sourcePackage(List<Path> sources, String schemaPackage) {
        return new SchemaLocation(sources, List.of(), schemaPackage, null);
    }

    /** Whether both where and what are known, so the schema can be loaded. */
    public boolean isComplete() {
        return (schemaPackage != null || schemaClass != null) && !(sources.isEmpty() && classpath.isEmpty());
    }
}
