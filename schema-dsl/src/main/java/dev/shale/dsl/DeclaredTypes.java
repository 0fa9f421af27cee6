package dev.shale.dsl;

import dev.shale.model.CompositeType;
import dev.shale.model.Domain;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The domains and composite types of a schema being built: those held in static fields, those columns
 * use, and, through them, the enums, domains and composite types they are made of. Two declarations of
 * one name must describe the same type.
 */
final class DeclaredTypes {
    private final Map<QualifiedName, PgDomain> domains = new LinkedHashMap<>();
    private final Map<QualifiedName, PgComposite> composites = new LinkedHashMap<>();
    private final List<PgEnum<?>> enums = new ArrayList<>();

    void add(Object type) {
        if (type instanceof PgEnum<?> e) {
            enums.add(e);
        } else if (type instanceof PgDomain d) {
            PgDomain previous = domains.putIfAbsent(d.name(), d);
            if (previous == null) {
                if (d.uses() != null) {
                    add(d.uses());
                }
            } else if (previous != d && !previous.toModel().equals(d.toModel())) {
                throw new SchemaDefinitionException(d.location(), "domain " + d.name().display()
                        + " is declared twice differently, here and at " + previous.location());
            }
        } else if (type instanceof PgComposite c) {
            PgComposite previous = composites.putIfAbsent(c.name(), c);
            if (previous == null) {
                c.uses().forEach(this::add);
            } else if (previous != c && !previous.toModel().equals(c.toModel())) {
                throw new SchemaDefinitionException(c.location(), "composite type " + c.name().display()
                        + " is declared twice differently, here and at " + previous.location());
            }
        }
    }

    List<PgEnum<?>> enums() {
        return List.copyOf(enums);
    }

    List<Domain> domains() {
        return domains.values().stream().map(PgDomain::toModel).toList();
    }

    /** The attribute renames the composite types declare. */
    List<dev.shale.model.Rename> renames() {
        return composites.values().stream().flatMap(c -> c.renames().stream()).toList();
    }

    List<CompositeType> composites() {
        return composites.values().stream().map(PgComposite::toModel).toList();
    }
}
