package dev.shale.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A domain: a base type with NOT NULL, a default, a collation and CHECK constraints ({@code VALUE} in
 * their expressions is the value being checked).
 *
 * @param name its qualified name
 * @param type the underlying type
 * @param notNull whether NULL is rejected
 * @param defaultValue the default, or null
 * @param collation the collation, or null for the type's default
 * @param checks its CHECK constraints, sorted by name
 * @param comment its comment, or null
 */
public record Domain(QualifiedName name, ColumnType type, boolean notNull, DefaultValue defaultValue, String collation,
                     List<Check> checks, String comment) {
    public Domain {
        if (name == null) {
            throw new InvalidModelException("domain", "name is required");
        }
        if (type == null) {
            throw new InvalidModelException("domain " + name.display(), "the underlying type is required");
        }
        List<Check> copy = new ArrayList<>(checks == null ? List.of() : checks);
        copy.sort(Comparator.comparing(Check::name));
        checks = List.copyOf(copy);
        Set<String> seen = new HashSet<>();
        for (Check c : checks) {
            if (!seen.add(c.name())) {
                throw new InvalidModelException("domain " + name.display(), "two checks are named " + Identifiers.show(c.name()));
            }
        }
        comment = Comments.normalize(comment);
    }

    public static Domain of(QualifiedName name, ColumnType type) {
        return new Domain(name, type, false, null, null, List.of(), null);
    }

    public Domain withName(QualifiedName value) {
        return new Domain(value, type, notNull, defaultValue, collation, checks, comment);
    }

    public Domain withType(ColumnType value) {
        return new Domain(name, value, notNull, defaultValue, collation, checks, comment);
    }

    public Domain withNotNull(boolean value) {
        return new Domain(name, type, value, defaultValue, collation, checks, comment);
    }

    public Domain withDefault(DefaultValue value) {
        return new Domain(name, type, notNull, value, collation, checks, comment);
    }

    public Domain withCollation(String value) {
        return new Domain(name, type, notNull, defaultValue, value, checks, comment);
    }

    public Domain withChecks(List<Check> value) {
        return new Domain(name, type, notNull, defaultValue, collation, value, comment);
    }

    public Domain withComment(String value) {
        return new Domain(name, type, notNull, defaultValue, collation, checks, value);
    }
}
