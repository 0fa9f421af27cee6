package dev.shale.diff;

import dev.shale.change.CommentTarget;
import dev.shale.change.SetComment;
import dev.shale.diff.ChangeOrder.Phase;
import dev.shale.model.Check;
import dev.shale.model.Constraint;
import dev.shale.model.EnumType;
import dev.shale.model.Exclusion;
import dev.shale.model.ForeignKey;
import dev.shale.model.Index;
import dev.shale.model.Namespace;
import dev.shale.model.PrimaryKey;
import dev.shale.model.QualifiedName;
import dev.shale.model.SchemaModel;
import dev.shale.model.Sequence;
import dev.shale.model.Table;
import dev.shale.model.Unique;

import java.util.Objects;

/**
 * Comments on schemas, tables, constraints, indexes, enums, domains, composite types and sequences: a
 * {@link SetComment} in the
 * COMMENT phase for each that differs, and for each object created (or dropped and created again, as a
 * changed constraint or index is) that carries one. The rest of the diff compares {@link #uncommented}
 * models, so a new comment never drops and re-creates what it is on. Column comments have their own diff.
 *
 * <p>A schema that is not declared ({@link Namespace}) has no comment: a schema whose declaration
 * goes while objects still live in it loses its comment, and so does a schema commented by hand that
 * the code does not declare. ({@code public}'s own comment, 'standard public schema', reads as none.)
 */
final class CommentDiff {
    private CommentDiff() {}

    /** Adds the comment changes from {@code from} (renames applied) to {@code to}. */
    static void diff(SchemaModel from, SchemaModel to, ChangeOrder order) {
        java.util.Map<dev.shale.model.Policy, dev.shale.model.Policy> policiesBefore = AccessDiff.policiesBefore(from, to);
        SchemaModel bareFrom = uncommented(from);
        SchemaModel bareTo = uncommented(to);
        for (String schema : to.schemas()) {
            String before = schemaComment(from, schema);
            String after = schemaComment(to, schema);
            if (!Objects.equals(before, after)) {
                add(order, QualifiedName.of(schema, schema), 0, "", CommentTarget.schema(schema), after);
            }
        }
        for (EnumType e : to.enums()) {
            EnumType old = from.enumType(e.name());
            if (!Objects.equals(old == null ? null : old.comment(), e.comment())) {
                add(order, e.name(), 0, "", CommentTarget.type(e.name()), e.comment());
            }
        }
        for (dev.shale.model.Domain d : to.domains()) {
            dev.shale.model.Domain old = from.domain(d.name());
            if (!Objects.equals(old == null ? null : old.comment(), d.comment())) {
                add(order, d.name(), 0, "", CommentTarget.domain(d.name()), d.comment());
            }
        }
        for (dev.shale.model.CompositeType c : to.compositeTypes()) {
            dev.shale.model.CompositeType old = from.compositeType(c.name());
            if (!Objects.equals(old == null ? null : old.comment(), c.comment())) {
                add(order, c.name(), 0, "", CommentTarget.type(c.name()), c.comment());
            }
        }
        for (Sequence q : to.sequences()) {
            Sequence old = from.sequence(q.name());
            if (!Objects.equals(old == null ? null : old.comment(), q.comment())) {
                add(order, q.name(), 0, "", CommentTarget.sequence(q.name()), q.comment());
            }
        }
        for (Table t : to.tables()) {
            Table old = from.table(t.name());
            if (!Objects.equals(old == null ? null : old.comment(), t.comment())) {
                add(order, t.name(), 0, "", CommentTarget.table(t.name()), t.comment());
            }
            for (Constraint k : t.constraints()) {
                Constraint before = old == null ? null : constraint(old, k);
                if (before instanceof ForeignKey fk && SchemaDiff.onChangedKey((ForeignKey) uncommented(fk), bareFrom, bareTo)) {
                    before = null; // dropped and added again around the key it refers to
                }
                if (changed(before == null ? null : uncommented(before), uncommented(k), before == null ? null : before.comment(), k.comment())) {
                    add(order, t.name(), 1, k.name(), CommentTarget.constraint(t.name(), k.name()), k.comment());
                }
            }
            for (dev.shale.model.Policy p : to.policiesOn(t.name())) {
                dev.shale.model.Policy before = policiesBefore.get(p);
                if (changed(before == null ? null : before.withComment(null), p.withComment(null),
                        before == null ? null : before.comment(), p.comment())) {
                    add(order, t.name(), 3, p.name(), CommentTarget.policy(t.name(), p.name()), p.comment());
                }
            }
            for (Index ix : t.indexes()) {
                Index before = old == null ? null : old.indexes().stream().filter(i -> i.name().equals(ix.name())).findFirst().orElse(null);
                if (changed(before == null ? null : before.withComment(null), ix.withComment(null),
                        before == null ? null : before.comment(), ix.comment())) {
                    add(order, t.name(), 2, ix.name(), CommentTarget.index(t.name(), ix.name()), ix.comment());
                }
            }
        }
    }

    /**
     * Whether a comment must be set: the object is new and has one; its definition changed and it has one
     * or had one (a changed object is either created again, losing its comment, or altered in place,
     * keeping it; this is right for both); or it stays and its comment differs.
     */
    private static boolean changed(Object before, Object after, String oldComment, String newComment) {
        if (before == null) {
            return newComment != null;
        }
        if (!after.equals(before)) {
            // Created again (its comment is gone) or altered in place (its comment stays): set it either way.
            return newComment != null || oldComment != null;
        }
        return !Objects.equals(oldComment, newComment);
    }

    private static String schemaComment(SchemaModel model, String schema) {
        Namespace n = model.namespace(schema);
        return n == null ? null : n.comment();
    }

    private static void add(ChangeOrder order, QualifiedName object, int position, String name, CommentTarget target, String text) {
        order.add(Phase.COMMENT, object, position, name, new SetComment(target, text));
    }

    private static Constraint constraint(Table table, Constraint like) {
        for (Constraint k : table.constraints()) {
            if (k.name().equals(like.name()) && k.getClass() == like.getClass()) {
                return k;
            }
        }
        return null;
    }

    /**
     * The model without the comments this diff handles (schemas, enums, domains, composite types,
     * sequences, tables, their constraints and indexes); column comments stay.
     */
    static SchemaModel uncommented(SchemaModel model) {
        return model.toBuilder()
                .namespaces(model.namespaces().stream().map(n -> n.withComment(null)).toList())
                .enums(model.enums().stream().map(e -> e.withComment(null)).toList())
                .sequences(model.sequences().stream().map(q -> q.withComment(null)).toList())
                .domains(model.domains().stream().map(d -> d.withComment(null)).toList())
                .compositeTypes(model.compositeTypes().stream().map(c -> c.withComment(null)).toList())
                .tables(model.tables().stream().map(CommentDiff::uncommented).toList())
                .policies(model.policies().stream().map(p -> p.withComment(null)).toList())
                .build();
    }

    private static Table uncommented(Table t) {
        return t.toBuilder().comment(null)
                .constraints(t.constraints().stream().map(CommentDiff::uncommented).toList())
                .indexes(t.indexes().stream().map(ix -> ix.withComment(null)).toList())
                .build();
    }

    static Constraint uncommented(Constraint k) {
        if (k.comment() == null) {
            return k;
        }
        if (k instanceof PrimaryKey pk) {
            return pk.withComment(null);
        } else if (k instanceof Unique u) {
            return u.withComment(null);
        } else if (k instanceof Check c) {
            return c.withComment(null);
        } else if (k instanceof ForeignKey fk) {
            return fk.withComment(null);
        } else if (k instanceof Exclusion x) {
            return x.withComment(null);
        }
        throw new IllegalStateException("unknown constraint kind " + k);
    }
}
