package dev.shale.introspect;

import dev.shale.model.Check;
import dev.shale.model.ColumnType;
import dev.shale.model.CompositeType;
import dev.shale.model.DefaultValue;
import dev.shale.model.Domain;
import dev.shale.model.QualifiedName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Domains and composite types from the rows of {@link CatalogQueries#DOMAINS} and
 * {@link CatalogQueries#COMPOSITES}, and the column types that refer to them: a column whose type text
 * is a domain or composite type of the schemas becomes a {@link ColumnType.DomainRef} or
 * {@link ColumnType.CompositeRef}; one of another schema stays a type known by name.
 */
final class TypeAssembler {
    private final Set<String> schemas;
    private final Consumer<QualifiedName> usesEnum;
    private final Map<String, ColumnType> refs = new HashMap<>();
    private final List<Domain> domains = new ArrayList<>();
    private final Map<QualifiedName, List<CompositeType.Attribute>> composites = new LinkedHashMap<>();
    private final List<String> notManaged = new ArrayList<>();

    /** @param usesEnum told of every enum a domain or attribute uses, so it is read even from another schema */
    TypeAssembler(Set<String> schemas, Consumer<QualifiedName> usesEnum) {
        this.schemas = schemas;
        this.usesEnum = usesEnum;
    }

    void domains(ResultSet rs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
            refs.put(rs.getString(3), new ColumnType.DomainRef(name));
            rows.add(new Object[] {name, rs.getString(4), rs.getBoolean(5), strings(rs, 6), rs.getBoolean(7), rs.getString(8),
                    rs.getString(9), strings(rs, 10), strings(rs, 11), (Boolean[]) rs.getArray(12).getArray()});
        }
        pending.add(() -> {
            for (Object[] r : rows) {
                QualifiedName name = (QualifiedName) r[0];
                ColumnType type = resolve((String) r[1], (Boolean) r[2], (String[]) r[3]);
                if (type == null) {
                    notManaged.add("domain " + name.display() + " (type " + r[1] + ")");
                    continue;
                }
                String[] names = (String[]) r[7];
                String[] expressions = (String[]) r[8];
                Boolean[] notValid = (Boolean[]) r[9];
                List<Check> checks = new ArrayList<>();
                for (int i = 0; i < names.length; i++) {
                    checks.add(new Check(names[i], expressions[i]).withNotValid(notValid[i]));
                }
                String expression = (String) r[5];
                domains.add(new Domain(name, type, (Boolean) r[4], expression == null ? null : DefaultValue.expression(expression),
                        (String) r[6], checks, null));
            }
        });
    }

    void composites(ResultSet rs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
            refs.put(rs.getString(3), new ColumnType.CompositeRef(name));
            composites.computeIfAbsent(name, k -> new ArrayList<>());
            if (rs.getString(4) != null) {
                rows.add(new Object[] {name, rs.getString(4), rs.getString(5), rs.getBoolean(6), strings(rs, 7), rs.getString(8)});
            }
        }
        pending.add(() -> {
            for (Object[] r : rows) {
                QualifiedName name = (QualifiedName) r[0];
                ColumnType type = resolve((String) r[2], (Boolean) r[3], (String[]) r[4]);
                if (type == null) {
                    notManaged.add("composite type " + name.display() + " (attribute " + r[1] + " of type " + r[2] + ")");
                    composites.remove(name);
                    continue;
                }
                List<CompositeType.Attribute> attributes = composites.get(name);
                if (attributes != null) {
                    attributes.add(new CompositeType.Attribute((String) r[1], type, (String) r[5]));
                }
            }
        });
    }

    private final List<Runnable> pending = new ArrayList<>();

    /** A column's type, with a type known by the name of one of the schemas' domains or composites as a reference. */
    ColumnType column(ColumnType type) {
        if (type instanceof ColumnType.Named n && refs.containsKey(n.sql())) {
            return refs.get(n.sql());
        }
        if (type instanceof ColumnType.Named n && refs.containsKey("public." + n.sql())) {
            return refs.get("public." + n.sql());
        }
        return type;
    }

    /** The domains, once every row is read. */
    List<Domain> domains() {
        settle();
        return List.copyOf(domains);
    }

    List<CompositeType> compositeTypes() {
        settle();
        List<CompositeType> out = new ArrayList<>();
        composites.forEach((name, attributes) -> out.add(CompositeType.of(name, attributes)));
        return out;
    }

    /** Types that could not be read: "domain s.d (type ...)". */
    List<String> notManaged() {
        settle();
        return List.copyOf(notManaged);
    }

    private void settle() {
        pending.forEach(Runnable::run);
        pending.clear();
    }

    private ColumnType resolve(String formatted, boolean array, String[] element) {
        ColumnType type;
        QualifiedName name = element == null ? null : QualifiedName.of(element[1], element[2]);
        String kind = element == null ? "" : element[0];
        if (kind.equals("e")) {
            usesEnum.accept(name);
            type = new ColumnType.EnumRef(name);
        } else if (kind.equals("d") && schemas.contains(name.schema())) {
            type = new ColumnType.DomainRef(name);
        } else if (kind.equals("c") && schemas.contains(name.schema())) {
            type = new ColumnType.CompositeRef(name);
        } else {
            type = TypeMapping.column(formatted);
        }
        return type == null ? null : array ? new ColumnType.ArrayOf(type) : type;
    }

    private static String[] strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        if (a == null) {
            return null;
        }
        Object[] values = (Object[]) a.getArray();
        return java.util.Arrays.copyOf(values, values.length, String[].class);
    }
}
