package dev.shale.dsl;

import dev.shale.model.Deferral;
import dev.shale.model.Exclusion;
import dev.shale.model.IndexMethod;
import dev.shale.model.InvalidModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * An EXCLUDE constraint being declared:
 * {@code exclude("no_overlap").using(IndexMethod.GIST).element(room, "=").element(during, "&&")}.
 * An element is a column or an {@link IndexKeySpec} (an expression, or a key with an operator class)
 * and the operator two rows must not both satisfy. {@code WITH =} on a scalar column under gist needs
 * the btree_gist extension.
 */
public final class ExclusionBuilder {
    private final Table table;
    private final String name;
    private final SourceLocation location;
    private final List<Object[]> elements = new ArrayList<>();
    private final List<Column<?>> include = new ArrayList<>();
    private IndexMethod method = IndexMethod.GIST;
    private String where;
    private Deferral deferral = Deferral.NOT_DEFERRABLE;

    ExclusionBuilder(Table table, String name, SourceLocation location) {
        this.table = table;
        this.name = name;
        this.location = location;
    }

    /** The index method: gist (the default) or spgist, btree, hash. */
    public ExclusionBuilder using(IndexMethod value) {
        method = value;
        return this;
    }

    /** {@code column WITH operator}, or {@code (expression) WITH operator} for an {@link IndexKeySpec}. */
    public ExclusionBuilder element(Object columnOrKey, String operator) {
        IndexKeySpec key;
        if (columnOrKey instanceof Column<?> c) {
            key = IndexKeySpec.of(c);
        } else if (columnOrKey instanceof IndexKeySpec k) {
            key = k;
        } else {
            throw new SchemaDefinitionException(SourceLocation.caller(), "exclusion constraint " + name
                    + ": element(...) takes a column or an index key, not "
                    + (columnOrKey == null ? "null" : columnOrKey.getClass().getSimpleName()));
        }
        elements.add(new Object[] {key, operator});
        return this;
    }

    /** INCLUDE columns, stored in the index but not compared. */
    public ExclusionBuilder include(Column<?>... columns) {
        include.addAll(List.of(columns));
        return this;
    }

    /** Only rows matching the predicate (SQL, as written) are compared. */
    public ExclusionBuilder where(String predicate) {
        where = predicate;
        return this;
    }

    /** {@code DEFERRABLE} (initially immediate). */
    public ExclusionBuilder deferrable() {
        if (deferral == Deferral.NOT_DEFERRABLE) {
            deferral = Deferral.DEFERRABLE;
        }
        return this;
    }

    /** {@code DEFERRABLE INITIALLY DEFERRED}: checked at commit. */
    public ExclusionBuilder initiallyDeferred() {
        deferral = Deferral.DEFERRED;
        return this;
    }

    Exclusion toModel() {
        List<Exclusion.Element> out = new ArrayList<>();
        try {
            for (Object[] e : elements) {
                IndexKeySpec key = (IndexKeySpec) e[0];
                if (key.column() != null) {
                    table.checkOwn(key.column(), "exclusion constraint " + name, location);
                }
                out.add(new Exclusion.Element(key.toModel(), (String) e[1]));
            }
            for (Column<?> c : include) {
                table.checkOwn(c, "exclusion constraint " + name, location);
            }
            return new Exclusion(name, method, out, include.stream().map(Column::name).toList(), where, deferral, null);
        } catch (InvalidModelException e) {
            throw new SchemaDefinitionException(location, "table " + table.qualifiedName().display() + ": " + e.getMessage());
        }
    }
}
