package dev.shale.diff;

import dev.shale.change.AlterCompositeType;
import dev.shale.change.AlterDomain;
import dev.shale.change.CreateCompositeType;
import dev.shale.change.CreateDomain;
import dev.shale.change.DropCompositeType;
import dev.shale.change.DropDomain;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.CompositeType;
import dev.shale.model.Domain;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.UserTypes;

import java.util.List;
import java.util.Objects;

/**
 * Domains and composite types: created in dependency order in {@link Phase#CREATE_TYPE} (a domain over
 * a composite, a composite with a domain attribute), changed in place in {@link Phase#ALTER_TYPE}, dropped
 * in reverse dependency order in {@link Phase#DROP_TYPE}, after the tables and columns that use them.
 * What PostgreSQL cannot change in place (a domain's underlying type or collation, the order of a composite
 * type's attributes) is refused with {@link UnsupportedChangeException}.
 */
final class TypeDiff {
    private TypeDiff() {}

    static void diff(SchemaModel from, SchemaModel to, ChangeOrder order) {
        List<QualifiedName> created = UserTypes.createOrder(to);
        for (int i = 0; i < created.size(); i++) {
            QualifiedName name = created.get(i);
            Domain d = to.domain(name);
            if (d != null) {
                Domain old = from.domain(name);
                if (old == null) {
                    order.addGrouped(Phase.CREATE_TYPE, i, name, new CreateDomain(d));
                } else if (!old.equals(d)) {
                    alterDomain(old, d, order);
                }
                continue;
            }
            CompositeType c = to.compositeType(name);
            CompositeType old = from.compositeType(name);
            if (old == null) {
                order.addGrouped(Phase.CREATE_TYPE, i, name, new CreateCompositeType(c));
            } else if (!old.attributes().equals(c.attributes())) {
                alterComposite(from, old, c, order);
            }
        }
        List<QualifiedName> existing = UserTypes.createOrder(from);
        for (int i = existing.size() - 1; i >= 0; i--) {
            QualifiedName name = existing.get(i);
            int group = existing.size() - 1 - i;
            Domain d = from.domain(name);
            if (d != null && to.domain(name) == null) {
                order.addGrouped(Phase.DROP_TYPE, group, name, new DropDomain(d));
            }
            CompositeType c = from.compositeType(name);
            if (c != null && to.compositeType(name) == null) {
                order.addGrouped(Phase.DROP_TYPE, group, name, new DropCompositeType(c));
            }
        }
    }

    private static void alterDomain(Domain old, Domain now, ChangeOrder order) {
        if (!old.type().equals(now.type())) {
            throw new UnsupportedChangeException("domain " + old.name().display(), "changing its underlying type from "
                    + old.type().sql() + " to " + now.type().sql() + " is not expressible in PostgreSQL, which cannot"
                    + " alter a domain's type", "declare a new domain under another name, convert the columns to it,"
                    + " and drop the old one in a later migration");
        }
        if (!Objects.equals(old.collation(), now.collation())) {
            throw new UnsupportedChangeException("domain " + old.name().display(), "changing its collation is not"
                    + " expressible in PostgreSQL, which cannot alter a domain's collation", "declare a new domain under"
                    + " another name, convert the columns to it, and drop the old one in a later migration");
        }
        if (old.withComment(null).equals(now.withComment(null))) {
            return; // comments are another change's business
        }
        order.add(Phase.ALTER_TYPE, now.name(), 0, "", new AlterDomain(old, now));
    }

    private static void alterComposite(SchemaModel from, CompositeType old, CompositeType now, ChangeOrder order) {
        boolean retyped = old.attributes().stream().anyMatch(a -> now.attributes().stream()
                .anyMatch(n -> n.name().equals(a.name()) && !n.equals(a)));
        if (retyped) {
            for (dev.shale.model.Table t : from.tables()) {
                for (dev.shale.model.Column c : t.columns()) {
                    if (old.name().equals(c.type().userType())) {
                        throw new UnsupportedChangeException("composite type " + old.name().display(), "changing the type of"
                                + " an attribute is refused by PostgreSQL while column " + t.name().display() + "."
                                + dev.shale.model.Identifiers.show(c.name()) + " uses the type", "add a new attribute instead,"
                                + " or convert the column to another type first");
                    }
                }
            }
        }
        List<String> keptOld = old.attributes().stream().map(CompositeType.Attribute::name)
                .filter(n -> now.attributes().stream().anyMatch(a -> a.name().equals(n))).toList();
        List<String> keptNew = now.attributes().stream().map(CompositeType.Attribute::name)
                .filter(n -> old.attributes().stream().anyMatch(a -> a.name().equals(n))).toList();
        int firstAdded = -1;
        for (int i = 0; i < now.attributes().size(); i++) {
            String n = now.attributes().get(i).name();
            if (!keptNew.contains(n) && firstAdded < 0) {
                firstAdded = i;
            }
            if (keptNew.contains(n) && firstAdded >= 0) {
                throw new UnsupportedChangeException("composite type " + old.name().display(), "attribute "
                        + now.attributes().get(firstAdded).name() + " is added before existing attributes, and PostgreSQL"
                        + " can only append attributes", "declare new attributes after the existing ones");
            }
        }
        if (!keptOld.equals(keptNew)) {
            throw new UnsupportedChangeException("composite type " + old.name().display(), "reordering its attributes from "
                    + keptOld + " to " + keptNew + " is not expressible in PostgreSQL, which cannot move an attribute",
                    "keep the old order");
        }
        order.add(Phase.ALTER_TYPE, now.name(), 0, "", new AlterCompositeType(old, now));
    }
}
