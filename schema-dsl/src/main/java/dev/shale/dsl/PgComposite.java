package dev.shale.dsl;

import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.Identifiers;
import dev.shale.model.InvalidModelException;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * A composite type declared in code ({@code CREATE TYPE ... AS (...)}). Hold it in a static field and use
 * it in columns with {@code column("address", ADDRESS)}:
 * {@code static final PgComposite ADDRESS = PgComposite.of("address").attribute("street", "text").attribute("zip", "varchar(10)");}
 * Attributes are kept in the order declared; new ones go last (PostgreSQL can only append).
 */
public final class PgComposite {
    private final QualifiedName name;
    private final SourceLocation location;
    private final List<CompositeType.Attribute> attributes = new ArrayList<>();
    private final List<Object> uses = new ArrayList<>();
    private String comment;
    private final java.util.Map<String, String> renamedAttributes = new java.util.LinkedHashMap<>();

    private PgComposite(String schema, String name) {
        this.location = SourceLocation.caller();
        try {
            this.name = QualifiedName.of(schema, name);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, e.getMessage());
        }
    }

    /** A composite type in {@code public}. */
    public static PgComposite of(String name) {
        return new PgComposite(QualifiedName.DEFAULT_SCHEMA, name);
    }

    public static PgComposite inSchema(String schema, String name) {
        return new PgComposite(schema, name);
    }

    /** An attribute of a type written as SQL does ({@code "text"}, {@code "numeric(12,2)"}, {@code "citext"}). */
    public PgComposite attribute(String attributeName, String sqlType) {
        return attribute(attributeName, sqlType, null);
    }

    /** An attribute with a collation ({@code "C"}). */
    public PgComposite attribute(String attributeName, String sqlType, String collation) {
        ColumnType type;
        try {
            type = DslTypes.of(sqlType);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), "composite type " + name.display() + ", attribute "
                    + Identifiers.show(attributeName) + ": " + e.getMessage());
        }
        return add(new CompositeType.Attribute(attributeName, type, collation), null);
    }

    /** An attribute of one of the schema's enums. */
    public PgComposite attribute(String attributeName, PgEnum<?> enumType) {
        return add(CompositeType.Attribute.of(attributeName, new ColumnType.EnumRef(enumType.name())), enumType);
    }

    /** An attribute of one of the schema's domains. */
    public PgComposite attribute(String attributeName, PgDomain domain) {
        return add(CompositeType.Attribute.of(attributeName, new ColumnType.DomainRef(domain.name())), domain);
    }

    /** An attribute of another composite type. */
    public PgComposite attribute(String attributeName, PgComposite composite) {
        return add(CompositeType.Attribute.of(attributeName, new ColumnType.CompositeRef(composite.name())), composite);
    }

    public PgComposite comment(String text) {
        this.comment = text;
        return this;
    }

    private PgComposite add(CompositeType.Attribute attribute, Object type) {
        List<CompositeType.Attribute> next = new ArrayList<>(attributes);
        next.add(attribute);
        try {
            CompositeType.of(name, next);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(SourceLocation.caller(), e.getMessage());
        }
        attributes.add(attribute);
        if (type != null) {
            uses.add(type);
        }
        return this;
    }

    public QualifiedName name() {
        return name;
    }

    /** The enums, domains and composite types its attributes use. */
    List<Object> uses() {
        return List.copyOf(uses);
    }

    SourceLocation location() {
        return location;
    }

    /**
     * Says that attribute {@code newName} was called {@code oldName} before, so the migration renames it
     * ({@code ALTER TYPE ... RENAME ATTRIBUTE}, values keep it) rather than dropping one attribute and
     * adding another. Call it after the attribute is declared. The hint may stay in the code.
     */
    public PgComposite renamedAttribute(String oldName, String newName) {
        SourceLocation at = SourceLocation.caller();
        if (attributes.stream().noneMatch(a -> a.name().equals(newName))) {
            throw new SchemaDefinitionException(at, "composite type " + name.display() + ": renamedAttribute names "
                    + Identifiers.show(newName) + " as the new name, but it has no such attribute (declare it first)");
        }
        try {
            Identifiers.require("old attribute name", oldName);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(at, "composite type " + name.display() + ": " + e.getMessage());
        }
        if (attributes.stream().anyMatch(a -> a.name().equals(oldName))) {
            throw new SchemaDefinitionException(at, "composite type " + name.display() + ": " + Identifiers.show(oldName)
                    + " is still one of its attributes, so it cannot have been renamed; remove it or the hint");
        }
        if (renamedAttributes.containsKey(oldName) || renamedAttributes.containsValue(newName)) {
            throw new SchemaDefinitionException(at, "composite type " + name.display() + ": " + Identifiers.show(oldName)
                    + " -> " + Identifiers.show(newName) + " repeats a name of another renamedAttribute; give each rename once");
        }
        renamedAttributes.put(oldName, newName);
        return this;
    }

    /** The {@link #renamedAttribute} hints, as renames. */
    List<dev.shale.model.Rename> renames() {
        List<dev.shale.model.Rename> out = new ArrayList<>();
        renamedAttributes.forEach((from, to) -> out.add(dev.shale.model.Rename.attribute(name, from, to)));
        return out;
    }

    public CompositeType toModel() {
        return new CompositeType(name, attributes, comment);
    }
}
