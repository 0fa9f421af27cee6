package dev.shale.diff;

import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.ReplaceEnum;
import dev.shale.diff.Hazard.Kind;
import dev.shale.model.Check;
import dev.shale.model.CompositeType;
import dev.shale.model.Identifiers;
import dev.shale.model.QualifiedName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The hazard rules of domain, composite type and enum replacement changes, for {@link Hazards}. */
final class TypeHazards {
    private TypeHazards() {}

    static List<Hazard> alterDomain(AlterDomain c) {
        List<Hazard> out = new ArrayList<>();
        String domain = "domain " + c.from().name().display();
        for (Check k : c.from().checks()) {
            Check now = check(c.to().checks(), k.name());
            boolean renamed = now == null && c.to().checks().stream().anyMatch(n -> n.expression().equals(k.expression()));
            if (!renamed && (now == null || !now.expression().equals(k.expression()))) {
                out.add(new Hazard(Kind.DATA_LOSS, c, "drops check constraint " + Identifiers.show(k.name()) + " of " + domain,
                        "no longer guards the data of the columns using it"));
            }
        }
        if (c.from().notNull() && !c.to().notNull()) {
            out.add(new Hazard(Kind.DATA_LOSS, c, "drops NOT NULL of " + domain, "no longer guards the data of the columns using it"));
        }
        if (c.to().notNull() && !c.from().notNull()) {
            out.add(new Hazard(Kind.MAY_FAIL, c, "sets " + domain + " NOT NULL", "fails if a column using it holds NULLs"));
        }
        for (Check k : c.to().checks()) {
            Check old = check(c.from().checks(), k.name());
            boolean validated = k.notValid() ? false : old == null || old.notValid() || !old.expression().equals(k.expression());
            boolean renamed = old == null && c.from().checks().stream().anyMatch(o -> o.expression().equals(k.expression())
                    && !o.notValid());
            if (validated && !renamed) {
                out.add(new Hazard(Kind.MAY_FAIL, c, "checks " + Identifiers.show(k.name()) + " on " + domain,
                        "fails if a column using it holds a value that violates it"));
            }
        }
        return sorted(out);
    }

    static List<Hazard> alterComposite(AlterCompositeType c) {
        List<Hazard> out = new ArrayList<>();
        String type = "composite type " + c.from().name().display();
        for (CompositeType.Attribute a : c.from().attributes()) {
            CompositeType.Attribute now = c.to().attributes().stream().filter(n -> n.name().equals(a.name())).findFirst().orElse(null);
            if (now == null) {
                out.add(new Hazard(Kind.DATA_LOSS, c, "drops attribute " + Identifiers.show(a.name()) + " of " + type,
                        "loses that part of every value stored in it"));
            } else if (!now.equals(a)) {
                out.add(new Hazard(Kind.MAY_FAIL, c, "changes attribute " + Identifiers.show(a.name()) + " of " + type
                        + " from " + a.type().sql() + " to " + now.type().sql(), "fails if a table column uses the type"));
            }
        }
        return sorted(out);
    }

    static List<Hazard> replaceEnum(ReplaceEnum c) {
        List<Hazard> out = new ArrayList<>();
        String e = "enum " + c.to().name().display();
        List<String> removed = c.removedValues();
        String columns = c.columns().stream().map(col -> col.table().display() + "." + Identifiers.show(col.column()))
                .collect(Collectors.joining(", "));
        if (!removed.isEmpty()) {
            out.add(new Hazard(Kind.DATA_LOSS, c, "removes " + (removed.size() == 1 ? "value " : "values ")
                    + removed.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "))
                    + " from " + e, c.columns().isEmpty() ? "no column uses"
                    : "makes the migration fail if a row of " + columns + " still holds one: update those rows first"));
        }
        Set<QualifiedName> tables = new LinkedHashSet<>();
        c.columns().forEach(col -> tables.add(col.table()));
        for (QualifiedName t : tables) {
            out.add(new Hazard(Kind.TABLE_REWRITE, c, "converts the columns of " + t.display() + " to the new " + e,
                    "rewrites table " + t.display() + " under an exclusive lock"));
        }
        return sorted(out);
    }

    private static Check check(List<Check> checks, String name) {
        return checks.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    private static List<Hazard> sorted(List<Hazard> hazards) {
        hazards.sort(Comparator.comparing(Hazard::kind));
        return List.copyOf(hazards);
    }
}
